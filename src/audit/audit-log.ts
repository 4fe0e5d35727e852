import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { auditId, stackFromUrn, type AuditOperation, type AuditRecord } from "./audit-record";

export interface AuditEntry {
  readonly urn: string;
  readonly resourceType: string;
  readonly operation: AuditOperation;
  readonly resourceId: string | undefined;
  readonly ok: boolean;
  readonly errorCode?: string;
  readonly note?: string;
  readonly etagBefore: string | undefined;
  readonly etagAfter: string | undefined;
  readonly latencyMs: number;
  readonly attempts: number;
}

export interface AuditLog {
  readonly path: string | undefined;
  record(entry: AuditEntry): AuditRecord;
  readonly records: readonly AuditRecord[];
}

/**
 * An append-only JSON-lines log. Appends are synchronous so that a line is on disk before the
 * engine sees the operation's result, even if the provider process is killed right after.
 * `file` undefined keeps records in memory only.
 */
export function createAuditLog(file: string | undefined, now: () => Date = () => new Date()): AuditLog {
  const records: AuditRecord[] = [];
  let successCount = 0;
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  return {
    path: file,
    records,
    record(entry) {
      if (entry.ok) successCount++;
      const stack = stackFromUrn(entry.urn);
      const record: AuditRecord = {
        id: auditId(stack, entry.urn, entry.operation, entry.etagBefore, entry.etagAfter),
        time: now().toISOString(),
        stack,
        urn: entry.urn,
        resourceType: entry.resourceType,
        operation: entry.operation,
        resourceId: entry.resourceId,
        status: entry.ok ? "success" : "failure",
        ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
        ...(entry.note ? { note: entry.note } : {}),
        etagBefore: entry.etagBefore,
        etagAfter: entry.etagAfter,
        latencyMs: Math.round(entry.latencyMs * 10) / 10,
        attempts: entry.attempts,
        successCount,
        totalCount: records.length + 1,
      };
      records.push(record);
      if (file) appendFileSync(file, `${JSON.stringify(record)}\n`);
      return record;
    },
  };
}
