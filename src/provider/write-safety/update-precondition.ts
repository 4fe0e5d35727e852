import type { ApiResponse, PreconditionFailedError } from "../../client";
import { holdsProgramVersion } from "./confirm-write";
import { OutOfBandChangeError } from "../../errors/out-of-band-change-error";
import type { ConflictPolicy } from "../../settings/settings";
import type { Operation, Props } from "../operations/operation";

export interface PreconditionContext<W extends { name: string }, S extends { id: string }> {
  readonly op: Operation<Props, W, S>;
  readonly id: string;
  readonly body: W;
  readonly fields: Props;
  readonly stateETag: string | undefined;
  readonly error: PreconditionFailedError;
  /** A write-only field (a webhook secret) changed: it cannot be seen on the server, so it must be written. */
  readonly writeOnlyChanged: boolean;
  readonly policy: ConflictPolicy;
}

export interface PreconditionOutcome<S> {
  readonly response: Pick<ApiResponse<S>, "body" | "etag">;
  readonly note?: string;
  readonly operation?: "overwrite";
}

/**
 * An update refused with 412: the ETag in the state is not the server's. Either our own earlier
 * update landed without its reply reaching the state (the server already holds the program's
 * version: take its ETag, no edit outside Pulumi to report), or someone edited the object: refuse
 * (OutOfBandChangeError), unless the resource opted into `conflictPolicy: "overwrite"`.
 */
export async function resolveUpdatePrecondition<W extends { name: string }, S extends { id: string }>(
  c: PreconditionContext<W, S>,
): Promise<PreconditionOutcome<S>> {
  const { kind, api } = c.op;
  const now = await api.get(c.id).catch(() => undefined);
  if (now && !c.writeOnlyChanged && holdsProgramVersion(c.op, now.body, c.fields)) {
    return {
      response: now,
      note: "412, but the server already holds the program's values (an earlier run's update whose reply never arrived); state takes its ETag",
    };
  }
  if (c.policy !== "overwrite") {
    throw new OutOfBandChangeError(kind.kind, c.body.name, c.id, "update", c.stateETag, c.error.currentETag);
  }
  // Opt-in: take the server's current ETag and apply the program's version over it.
  const current = now ?? (await api.get(c.id));
  // A GET's reply always carries an ETag (the client refuses one without it as unusable).
  const updated = await api.replace(c.id, c.body, current.etag ?? "");
  return { response: updated, operation: "overwrite" };
}
