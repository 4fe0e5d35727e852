import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ListPage } from "../../client";

/** Items per list request: the API's maximum. */
export const PAGE_SIZE = 100;

/** The part of a collection API the export needs: one page of the list. */
export interface PagedCollection<T> {
  list(params: { skip: number; top: number }): Promise<{ body: ListPage<T> }>;
}

interface Progress<T> {
  items: T[];
  pages: number;
  total: number | undefined;
  done: boolean;
}

interface Checkpoint<R, W> {
  version: 1;
  /** Which tenant and paths the pages come from: a checkpoint of another tenant is not resumed. */
  tenant: string;
  rules: Progress<R>;
  webhooks: Progress<W>;
}

export interface PagedRead<R, W> {
  readonly rules: R[];
  readonly webhooks: W[];
  /** List requests made by this run. */
  readonly pagesRead: number;
  /** Pages taken from the checkpoint of an interrupted run. */
  readonly pagesResumed: number;
}

/** Where the checkpoint of an export into `outDir` lives. */
export function checkpointPath(outDir: string): string {
  return path.join(outDir, ".cxone-export", "checkpoint.json");
}

function fresh<T>(): Progress<T> {
  return { items: [], pages: 0, total: undefined, done: false };
}

function load<R, W>(file: string, tenant: string): Checkpoint<R, W> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as Checkpoint<R, W>;
    return saved.version === 1 && saved.tenant === tenant ? saved : undefined;
  } catch {
    return undefined;
  }
}

function save(file: string, checkpoint: Checkpoint<unknown, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(checkpoint));
  renameSync(tmp, file);
}

async function readCollection<T extends { id: string }>(
  api: PagedCollection<T>,
  progress: Progress<T>,
  persist: () => void,
  onPage: () => void,
): Promise<number> {
  let read = 0;
  while (!progress.done) {
    const { body } = await api.list({ skip: progress.items.length, top: PAGE_SIZE });
    read++;
    // An object moved by a change during the export may come twice; keep its first copy.
    const seen = new Set(progress.items.map((i) => i.id));
    progress.items.push(...body.items.filter((i) => !seen.has(i.id)));
    progress.pages++;
    progress.total = body.total;
    progress.done = body.items.length === 0 || progress.items.length >= body.total;
    persist();
    onPage();
  }
  return read;
}

/**
 * Every rule and webhook, one list page (100 objects) per request, through the client (its rate
 * limiter and retries). After each page the progress is saved in the checkpoint file, so an
 * interrupted export resumes at the next page instead of reading everything again.
 */
export async function readTenantPages<R extends { id: string }, W extends { id: string }>(options: {
  readonly rules: PagedCollection<R>;
  readonly webhooks: PagedCollection<W>;
  /** Identifies the tenant (base URL, client, paths). */
  readonly tenant: string;
  readonly checkpointFile: string;
  /** Ignore an existing checkpoint and read everything again. */
  readonly restart?: boolean;
  readonly onPage?: (kind: "rules" | "webhooks", items: number, total: number | undefined) => void;
}): Promise<PagedRead<R, W>> {
  const resumed = options.restart ? undefined : load<R, W>(options.checkpointFile, options.tenant);
  const checkpoint: Checkpoint<R, W> = resumed ?? { version: 1, tenant: options.tenant, rules: fresh(), webhooks: fresh() };
  const pagesResumed = checkpoint.rules.pages + checkpoint.webhooks.pages;
  const persist = () => save(options.checkpointFile, checkpoint as Checkpoint<unknown, unknown>);
  const report = (kind: "rules" | "webhooks") => () => options.onPage?.(kind, checkpoint[kind].items.length, checkpoint[kind].total);
  const pagesRead =
    (await readCollection(options.rules, checkpoint.rules, persist, report("rules"))) +
    (await readCollection(options.webhooks, checkpoint.webhooks, persist, report("webhooks")));
  return { rules: checkpoint.rules.items, webhooks: checkpoint.webhooks.items, pagesRead, pagesResumed };
}

/** Removes the checkpoint once the project is written. */
export function clearCheckpoint(outDir: string): void {
  rmSync(path.dirname(checkpointPath(outDir)), { recursive: true, force: true });
}
