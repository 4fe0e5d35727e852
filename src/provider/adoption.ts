import { NotFoundError, PreconditionFailedError } from "../client/errors";
import type { ApiResponse, ResourcesApi } from "../client";
import { AdoptionError } from "../errors/adoption-error";
import { OwnershipError } from "../errors/ownership-error";
import { foreignOwner } from "../settings/ownership";
import type { ObjectKind } from "../kinds/object-kind";
import { equalsProgram } from "../kinds/field-compare";
import { confirmReplace, mayHaveApplied } from "./write-safety/confirm-write";

type Props = Record<string, unknown>;

function changedSincePreview(kind: string, adoptId: string, previewETag: string, nowETag: string | undefined): AdoptionError {
  return new AdoptionError(
    `${kind} adoptId "${adoptId}": the object changed in CXone since preview read it (ETag at preview ${previewETag}, now ${nowETag ?? "unknown"}), ` +
      "so nothing was written and nothing was taken over. Run `pulumi preview` again to review what adopting it changes, then `pulumi up`.",
  );
}

/**
 * create() with adoptId: take over an existing object. The write is guarded by the ETag the
 * preview read (`adoptEtag`, set by the program; see adopt-etags.ts), so an object edited after the
 * review is refused with 412 instead of overwritten. An object that already equals the program is
 * not written at all.
 */
export async function adoptObject<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
  api: ResourcesApi<W, S>,
  adoptId: string,
  inputs: Props,
  fields: Props,
  body: W,
): Promise<{ response: ApiResponse<S>; attempts: number; wrote: boolean }> {
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
  const owner = foreignOwner(objectName);
  if (owner) throw new OwnershipError(kind.kind, "adopt", objectName, adoptId, owner);
  if (previewETag && current.etag !== previewETag) throw changedSincePreview(kind.kind, adoptId, previewETag, current.etag);
  if (equalsProgram(kind, kind.fromServer(current.body), fields)) {
    return { response: current, attempts: current.attempts, wrote: false };
  }
  try {
    const updated = await api.replace(adoptId, body, previewETag ?? current.etag ?? "*");
    return { response: updated, attempts: current.attempts + updated.attempts, wrote: true };
  } catch (error) {
    if (mayHaveApplied(error)) {
      const confirmed = await confirmReplace(kind, api, error, adoptId, body, fields, "adopt", previewETag ?? current.etag);
      return { response: confirmed, attempts: current.attempts + confirmed.attempts, wrote: true };
    }
    if (error instanceof PreconditionFailedError)
      throw changedSincePreview(kind.kind, adoptId, previewETag ?? current.etag ?? "none", error.currentETag);
    throw error;
  }
}
