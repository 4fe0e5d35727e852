import { NotFoundError, PreconditionFailedError } from "../client/errors";
import type { ApiResponse } from "../client";
import { AdoptionError } from "../errors/adoption-error";
import { OwnershipError } from "../errors/ownership-error";
import { foreignOwner } from "../settings/ownership";
import { equalsProgram } from "../kinds/field-compare";
import type { Operation, Props } from "./operations/operation";
import { confirmReplace, mayHaveApplied } from "./write-safety/confirm-write";

function changedSincePreview(kind: string, adoptId: string, previewETag: string, nowETag: string | undefined): AdoptionError {
  return new AdoptionError(
    `${kind} adoptId "${adoptId}": the object changed in CXone since the reviewed preview read it (adoptEtag ${previewETag}, now ${nowETag ?? "unknown"}), ` +
      "so nothing was written and nothing was taken over. Run `pulumi preview` to review what adopting it changes now; " +
      "if the program pins adoptEtag, set it to the value that preview prints; then `pulumi up`.",
  );
}

/**
 * create() with adoptId: take over an existing object. The write is guarded by the ETag the
 * preview read (`adoptEtag`, set by the program; see program/adoption-review.ts), so an object edited after the
 * review is refused with 412 instead of overwritten. An object that already equals the program is
 * not written at all.
 */
export async function adoptObject<W extends { name: string }, S extends { id: string }>(
  op: Operation<Props, W, S>,
  adoptId: string,
  inputs: Props,
  fields: Props,
  body: W,
): Promise<{ response: ApiResponse<S>; wrote: boolean }> {
  const { kind, api } = op;
  const previewETag = typeof inputs.adoptEtag === "string" && inputs.adoptEtag !== "" ? inputs.adoptEtag : undefined;
  const current = await api.get(adoptId).catch((error: unknown) => {
    if (error instanceof NotFoundError) {
      throw new AdoptionError(
        `${kind.kind} adoptId "${adoptId}": there is no ${kind.kind} with that id in CXone, so there is nothing to adopt. Check the id, or remove adoptId to create a new one.`,
      );
    }
    throw error;
  });
  const objectName = String((current.body as { name?: unknown }).name ?? "");
  const owner = foreignOwner(objectName, op.run.owner);
  if (owner) throw new OwnershipError(kind.kind, "adopt", objectName, adoptId, owner);
  if (previewETag && current.etag !== previewETag) throw changedSincePreview(kind.kind, adoptId, previewETag, current.etag);
  if (equalsProgram(kind, kind.fromServer(current.body, op.scope), fields)) return { response: current, wrote: false };
  try {
    // A GET's reply always carries an ETag (the client refuses one without it as unusable).
    const updated = await api.replace(adoptId, body, previewETag ?? current.etag ?? "");
    return { response: updated, wrote: true };
  } catch (error) {
    if (mayHaveApplied(error)) {
      const confirmed = await confirmReplace(op, error, adoptId, body, fields, "adopt", previewETag ?? current.etag);
      return { response: confirmed, wrote: true };
    }
    if (error instanceof PreconditionFailedError)
      throw changedSincePreview(kind.kind, adoptId, previewETag ?? current.etag ?? "none", error.currentETag);
    throw error;
  }
}
