import type { AuditOperation } from "../audit";
import { providerAuditLog } from "./provider-state";

function errorCode(error: unknown): string {
  return (error as { code?: unknown })?.code?.toString() ?? "error";
}

/** Runs one provider operation and writes its audit record, success or failure. */
export async function audited<T>(
  resourceType: string,
  operation: AuditOperation,
  urn: unknown,
  resourceId: string | undefined,
  etagBefore: string | undefined,
  run: () => Promise<{
    result: T;
    etagAfter: string | undefined;
    attempts: number;
    operation?: AuditOperation;
    resourceId?: string;
    note?: string;
  }>,
): Promise<T> {
  const started = performance.now();
  const entry = { urn: typeof urn === "string" ? urn : "unknown", resourceType, etagBefore };
  try {
    const done = await run();
    providerAuditLog().record({
      ...entry,
      operation: done.operation ?? operation,
      resourceId: done.resourceId ?? resourceId,
      ok: true,
      etagAfter: done.etagAfter,
      latencyMs: performance.now() - started,
      attempts: done.attempts,
      ...(done.note ? { note: done.note } : {}),
    });
    return done.result;
  } catch (error) {
    providerAuditLog().record({
      ...entry,
      operation,
      resourceId,
      ok: false,
      errorCode: errorCode(error),
      etagAfter: undefined,
      latencyMs: performance.now() - started,
      attempts: (error as { attempts?: number }).attempts ?? 1,
    });
    throw error;
  }
}
