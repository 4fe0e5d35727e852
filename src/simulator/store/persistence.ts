import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { IdempotencyRecord } from "./idempotency-store";
import type { Rule, StoredWebhook } from "./records";
import { DataFileError } from "./data-file-error";

/** What survives a restart. Webhook secrets are included: the server needs them to sign. */
export interface Snapshot {
  format: 1;
  rules: Rule[];
  webhooks: StoredWebhook[];
  idempotency: IdempotencyRecord[];
}

export async function loadSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DataFileError(file, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataFileError(file, "not valid JSON");
  }
  const snapshot = parsed as Partial<Snapshot>;
  if (snapshot.format !== 1 || !Array.isArray(snapshot.rules) || !Array.isArray(snapshot.webhooks)) {
    throw new DataFileError(file, "unexpected format");
  }
  return { format: 1, rules: snapshot.rules, webhooks: snapshot.webhooks, idempotency: snapshot.idempotency ?? [] };
}

export interface SnapshotWriter {
  /** Writes the snapshot `take()` returns when the write actually starts, after earlier writes. */
  save(take: () => Snapshot): Promise<void>;
  /** Resolves once every queued write finished. */
  idle(): Promise<void>;
}

/**
 * Atomic replacement: write a temp file in the same directory, fsync, rename over the target,
 * so a crash never leaves a half-written data file. Writes are serialized.
 */
export function createSnapshotWriter(file: string): SnapshotWriter {
  let queue: Promise<void> = Promise.resolve();
  let counter = 0;
  const writeNow = async (snapshot: Snapshot): Promise<void> => {
    await mkdir(dirname(file), { recursive: true });
    counter += 1;
    const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${counter}.tmp`);
    const handle = await open(temp, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify(snapshot, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  };
  return {
    save(take) {
      const write = queue.then(() => writeNow(take()));
      queue = write.catch(() => undefined);
      return write;
    },
    idle: () => queue,
  };
}
