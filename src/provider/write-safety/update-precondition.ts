import type { ApiResponse, PreconditionFailedError, ResourcesApi } from "../../client";
import { holdsProgramVersion } from "./confirm-write";
import { OutOfBandChangeError } from "../../errors/out-of-band-change-error";
import type { ObjectKind } from "../../kinds/object-kind";
import type { ConflictPolicy } from "../../settings/settings";

type Props = Record<string, unknown>;

export interface PreconditionContext<F extends Props, W extends { name: string }, S extends { id: string }> {
  readonly kind: ObjectKind<F, W, S>;
  readonly api: ResourcesApi<W, S>;
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
  readonly attempts: number;
  readonly note?: string;
  readonly operation?: "overwrite";
}

/**
 * An update refused with 412: the ETag in the state is not the server's. Either our own earlier
 * update landed without its reply reaching the state (the server already holds the program's
 * version: take its ETag, no edit outside Pulumi to report), or someone edited the object: refuse
 * (OutOfBandChangeError), unless the resource opted into `conflictPolicy: "overwrite"`.
 */
export async function resolveUpdatePrecondition<F extends Props, W extends { name: string }, S extends { id: string }>(
  c: PreconditionContext<F, W, S>,
): Promise<PreconditionOutcome<S>> {
  const now = await c.api.get(c.id).catch(() => undefined);
  if (now && !c.writeOnlyChanged && holdsProgramVersion(c.kind, now.body, c.fields as F)) {
    return {
      response: now,
      attempts: now.attempts + 1,
      note: "412, but the server already holds the program's values (an earlier run's update whose reply never arrived); state takes its ETag",
    };
  }
  if (c.policy !== "overwrite") {
    throw new OutOfBandChangeError(c.kind.kind, c.body.name, c.id, "update", c.stateETag, c.error.currentETag);
  }
  // Opt-in: take the server's current ETag and apply the program's version over it.
  const current = now ?? (await c.api.get(c.id));
  const updated = await c.api.replace(c.id, c.body, current.etag ?? "");
  return { response: updated, attempts: current.attempts + updated.attempts + 1, operation: "overwrite" };
}
