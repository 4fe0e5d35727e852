import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { providerSettings } from "./provider-state";
import { projectRoot } from "./settings";

/**
 * Creates this stack has sent but not seen through. A `pulumi up` killed between the POST and the
 * engine's checkpoint leaves an object in CXone that the state does not list; the next run's create
 * of the same resource meets its name (409). A line is appended, synchronously, before every POST
 * ("begin") and after its answer ("end"), so the next run can tell its own interrupted create from
 * an object somebody else made, and take it over instead of failing or duplicating.
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

/** Whether this URN's last create of this name began and never ended: an interrupted run. */
export function interruptedCreate(urn: unknown, name: string): boolean {
  if (typeof urn !== "string") return false;
  let text: string;
  try {
    text = readFileSync(journalFile(), "utf8");
  } catch {
    return false;
  }
  let open = false;
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    try {
      const line = JSON.parse(raw) as JournalLine;
      if (line.urn === urn && line.name === name) open = line.state === "begin";
    } catch {
      // A line cut by the kill itself: skip it.
    }
  }
  return open;
}
