import { NotFoundError, UnusableResponseError } from "../../client/errors";
import type { ApiResponse } from "../../client";
import { UnconfirmedWriteError } from "../../errors/unconfirmed-write-error";
import { sameFields } from "../../kinds/field-compare";
import type { Operation, Props } from "../operations/operation";

/** A write whose reply was unusable but which may have been applied (see UnusableResponseError). */
export function mayHaveApplied(error: unknown): error is UnusableResponseError {
  return error instanceof UnusableResponseError && error.writeMayHaveApplied;
}

/** Whether `object` as the server holds it carries the program's (non write-only) fields. */
export function holdsProgramVersion(op: Operation, object: { id: string }, fields: Props): boolean {
  const comparable = op.kind.fields.filter((f) => !op.kind.writeOnlyFields.includes(f));
  return sameFields(comparable, op.kind.fromServer(object, op.scope), fields, op.kind.setFields);
}

function problemOf(error: UnusableResponseError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((i) => `${i.path || "body"}: expected ${i.expected}, got ${i.got}`)
    .join("; ");
  return `${error.problem}${issues ? `: ${issues}` : ""}, CorrelationId ${error.correlationId ?? "none"}`;
}

function describeReadFailure(error: unknown): string {
  if (error instanceof UnusableResponseError) return `its reply was unusable too (${error.problem})`;
  return `it failed (${(error as { code?: unknown })?.code ?? (error as Error)?.name ?? "error"})`;
}

/**
 * Reconciles a POST whose reply was unusable: the object is looked up by its name (as after a lost
 * reply). The server's object and ETag from that read become the result when it holds the
 * program's version; otherwise one UnconfirmedWriteError. The POST carried this resource's
 * Idempotency-Key, so the next `pulumi up`, on any runner, is answered with an object that did
 * land (interrupted-create.ts) instead of meeting its name or duplicating it.
 */
export async function confirmCreate<W extends { name: string }, S extends { id: string }>(
  op: Operation<Props, W, S>,
  reply: UnusableResponseError,
  body: W,
  fields: Props,
): Promise<ApiResponse<S>> {
  const { kind, api } = op;
  let existing: ApiResponse<S> | undefined;
  try {
    existing = await api.findByName(body.name);
  } catch (readError) {
    throw new UnconfirmedWriteError(
      kind.kind,
      body.name,
      undefined,
      "create",
      problemOf(reply),
      `looking it up by name afterwards ${describeReadFailure(readError)}. Nothing was recorded in the state. ` +
        "Run `pulumi up` again: if the object did land, CXone answers that run's create (same Idempotency-Key) with it, so it is taken over instead of failing on its name or created twice.",
      { cause: reply },
    );
  }
  if (existing && holdsProgramVersion(op, existing.body, fields)) return existing;
  throw new UnconfirmedWriteError(
    kind.kind,
    body.name,
    existing?.body.id,
    "create",
    problemOf(reply),
    existing
      ? "an object of that name exists but does not hold the program's values, so it was not recorded in the state. " +
          "Run `pulumi up` again: CXone answers that run's create (same Idempotency-Key) with this object, so it is taken over and brought to the program's values."
      : "no object of that name exists in CXone, so nothing was created. Run `pulumi up` again.",
    { cause: reply },
  );
}

/**
 * Reconciles a PUT (update or adoption) whose reply was unusable: GET by id. The server's object
 * and ETag become the result when it holds the program's version, so the state never keeps the
 * ETag from before our own write (the next run would blame "an edit outside Pulumi" on it).
 */
export async function confirmReplace<W extends { name: string }, S extends { id: string }>(
  op: Operation<Props, W, S>,
  reply: UnusableResponseError,
  id: string,
  body: W,
  fields: Props,
  operation: "adopt" | "update",
  /** The ETag the PUT sent: still the server's means nothing was written (write-only fields cannot be compared). */
  etagBefore?: string,
): Promise<ApiResponse<S>> {
  const { kind, api } = op;
  const unconfirmed = (detail: string) =>
    new UnconfirmedWriteError(kind.kind, body.name, id, operation, problemOf(reply), detail, { cause: reply });
  let current: ApiResponse<S>;
  try {
    current = await api.get(id);
  } catch (readError) {
    throw unconfirmed(
      readError instanceof NotFoundError
        ? "reading it back found no such object: it was deleted in CXone meanwhile. Run `pulumi refresh`, then `pulumi up` creates it again."
        : `reading it back ${describeReadFailure(readError)}. The state keeps the values from before this ${operation}. ` +
            "Run `pulumi refresh` (it takes the server's version and ETag into the state), then `pulumi up`.",
    );
  }
  const writeOnlySent = kind.writeOnlyFields.some((f) => fields[f] !== undefined);
  const unchanged = writeOnlySent && etagBefore !== undefined && current.etag === etagBefore;
  if (!unchanged && holdsProgramVersion(op, current.body, fields)) return current;
  throw unconfirmed(
    `reading it back shows another version (ETag ${current.etag ?? "none"}): the ${operation} was not applied, or was overwritten since. ` +
      "Nothing was recorded in the state. Run `pulumi refresh` to see the server's version, then `pulumi up`.",
  );
}
