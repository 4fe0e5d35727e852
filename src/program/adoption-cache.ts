import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../settings/settings";

/**
 * The ETag each adopted object had when `pulumi preview` (or the preview phase of `pulumi up`)
 * showed what adopting it changes. The update run guards its write with that ETag, so an edit
 * made between the review and `up` is refused, not overwritten. Kept in the project's `.cxone/`
 * folder (beside the audit log), per stack; a missing file only means the update run reads the
 * object itself, a stale entry can only cause a refusal that a new preview clears.
 */
function cacheFile(project: string, stack: string): string {
  return path.join(projectRoot(), ".cxone", `adoption-etags.${project}.${stack}.json`);
}

type Entries = Record<string, string>;

function load(file: string): Entries {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Entries;
  } catch {
    return {};
  }
}

const key = (logicalName: string, adoptId: string) => `${logicalName} ${adoptId}`;

export function reviewedETag(project: string, stack: string, logicalName: string, adoptId: string): string | undefined {
  return load(cacheFile(project, stack))[key(logicalName, adoptId)];
}

export function recordReviewedETag(project: string, stack: string, logicalName: string, adoptId: string, etag: string): void {
  const file = cacheFile(project, stack);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const entries = { ...load(file), [key(logicalName, adoptId)]: etag };
    writeFileSync(`${file}.tmp`, `${JSON.stringify(entries, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  } catch {
    // Without the record the update run reads the object itself: weaker, never unsafe.
  }
}
