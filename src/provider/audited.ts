import type { AuditOperation } from "../audit";
import { countRequests } from "../client";
import type { RunContext } from "./run-context";

function errorCode(error: unknown): string {
  return (error as { code?: unknown })?.code?.toString() ?? "error";
}

/** What an operation reports to its audit record besides its result. */
export interface AuditedOutcome<T> {
  readonly result: T;
  readonly etagAfter: string | undefined;
  readonly operation?: AuditOperation;
  readonly resourceId?: string;
  readonly note?: string;
}

/**
 * Runs one provider operation and writes its audit record, success or failure. `attempts` is the
 * number of API requests the operation sent, counted by the client as it sends them (retries
 * included, the token endpoint not): measured, never assumed.
 */
export async function audited<T>(
  run: RunContext,
  record: { resourceType: string; operation: AuditOperation; urn: unknown; resourceId: string | undefined; etagBefore: string | undefined },
  work: () => Promise<AuditedOutcome<T>>,
): Promise<T> {
  const started = performance.now();
  const entry = {
    urn: typeof record.urn === "string" ? record.urn : "unknown",
    resourceType: record.resourceType,
    etagBefore: record.etagBefore,
  };
  const requests = { sent: 0 };
  try {
    const done = await countRequests(requests, work);
    run.auditLog().record({
      ...entry,
      operation: done.operation ?? record.operation,
      resourceId: done.resourceId ?? record.resourceId,
      ok: true,
      etagAfter: done.etagAfter,
      latencyMs: performance.now() - started,
      attempts: requests.sent,
      ...(done.note ? { note: done.note } : {}),
    });
    return done.result;
  } catch (error) {
    run.auditLog().record({
      ...entry,
      operation: record.operation,
      resourceId: record.resourceId,
      ok: false,
      errorCode: errorCode(error),
      etagAfter: undefined,
      latencyMs: performance.now() - started,
      attempts: requests.sent,
    });
    throw error;
  }
}
