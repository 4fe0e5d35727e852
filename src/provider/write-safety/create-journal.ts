import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { providerSettings } from "../provider-state";
import { projectRoot } from "../../settings/settings";

/**
 * The creates this stack's resources sent. A `pulumi up` killed between a POST and the engine's
 * checkpoint leaves an object in CXone that the state does not list; the next run's create of the
 * same resource meets its name (409). A line is appended, synchronously, before every POST
 * ("begin") and after its answer ("end", with the id), so the next run can tell the object its
 * own resource created from one somebody else made, and take it over instead of failing or
 * duplicating.
 */
interface JournalLine {
  readonly urn: string;
  readonly name: string;
  readonly state: "begin" | "end";
  readonly id?: string;
  readonly time: string;
}

function journalFile(): string {
  const audit = providerSettings().auditLogPath;
  return path.join(audit ? path.dirname(audit) : path.join(projectRoot(), ".cxone"), "create-journal.jsonl");
}

function append(line: JournalLine): void {
  try {
    const file = journalFile();
    mkdirSync(path.dirname(file), { recursive: true });
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  } catch {
    // Without the journal an interrupted create is reported as a name collision: never worse.
  }
}

export function beginCreate(urn: unknown, name: string): void {
  if (typeof urn === "string") append({ urn, name, state: "begin", time: new Date().toISOString() });
}

export function endCreate(urn: unknown, name: string, id: string): void {
  if (typeof urn === "string") append({ urn, name, state: "end", id, time: new Date().toISOString() });
}

/** What the journal knows of this URN's creates of this name, read before a new one begins. */
export interface CreateHistory {
  readonly ids: ReadonlySet<string>;
  /** A create began and never heard back (killed between the POST and its answer). */
  readonly unanswered: boolean;
}

export function createHistory(urn: unknown, name: string): CreateHistory {
  const ids = new Set<string>();
  let unanswered = false;
  let text = "";
  try {
    if (typeof urn === "string") text = readFileSync(journalFile(), "utf8");
  } catch {
    // No journal yet.
  }
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    try {
      const line = JSON.parse(raw) as JournalLine;
      if (line.urn !== urn || line.name !== name) continue;
      if (line.state === "end" && line.id) ids.add(line.id);
      unanswered = line.state === "begin";
    } catch {
      // A line cut by the kill itself: skip it.
    }
  }
  return { ids, unanswered };
}

/**
 * Whether the object `holderId` is one this resource created itself. The engine records a create
 * only after the provider answers, so a run killed in between leaves an object that only this
 * journal connects to the resource.
 */
export function createdBy(history: CreateHistory, holderId: string): boolean {
  return history.ids.has(holderId) || history.unanswered;
}
