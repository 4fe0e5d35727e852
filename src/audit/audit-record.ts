import { v5 as uuidv5 } from "uuid";

/** Namespace of audit ids (a fixed, random uuid): the same operation always gets the same id. */
export const AUDIT_NAMESPACE = "6f1c7a52-4a8e-4c2b-9a0e-3c2d5b8e9f10";

/** "forget": a delete dropped from the state without an API call (another resource holds the id). */
export type AuditOperation = "create" | "adopt" | "read" | "update" | "overwrite" | "delete" | "forget";

/** One line of the audit log (`.cxone/audit.jsonl`): one API operation on one object, with its ETags before and after. */
export interface AuditRecord {
  readonly id: string;
  readonly time: string;
  readonly stack: string;
  readonly urn: string;
  readonly resourceType: string;
  readonly operation: AuditOperation;
  readonly resourceId: string | undefined;
  readonly status: "success" | "failure";
  readonly errorCode?: string;
  /** Why, for operations that are not plain API calls (e.g. "forget"). */
  readonly note?: string;
  readonly etagBefore: string | undefined;
  readonly etagAfter: string | undefined;
  readonly latencyMs: number;
  readonly attempts: number;
  /** Running counts over this provider process (one `pulumi` operation). */
  readonly successCount: number;
  readonly totalCount: number;
}

/**
 * Deterministic id: the same (stack, URN, operation, ETag before, ETag after) always maps to the
 * same uuid, so a retried or replayed run can be matched against earlier log lines.
 */
export function auditId(stack: string, urn: string, operation: AuditOperation, etagBefore?: string, etagAfter?: string): string {
  return uuidv5([stack, urn, operation, etagBefore ?? "", etagAfter ?? ""].join("\n"), AUDIT_NAMESPACE);
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> stack. */
export function stackFromUrn(urn: string): string {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1] ?? "unknown";
}
