import { ConflictError } from "../../client/errors";
import type { ApiResponse, ResourcesApi } from "../../client";
import { NAME_MAX_LENGTH } from "../../validation/constants";
import type { RunRegistry } from "../identity/run-registry";

/** How long an update waits for another resource of the run to free the name it wants. */
export const NAME_SWAP_WAIT_MS = 30_000;

function temporaryName(name: string, id: string): string {
  const suffix = `~moving-${id.slice(0, 8)}`;
  return name.slice(0, NAME_MAX_LENGTH - suffix.length) + suffix;
}

/**
 * A PUT that may take part in a swap or rotation of names among resources of this run. When the
 * name is held by another resource of the run that is itself being renamed away from it, this
 * object first moves to a temporary name (freeing its own old name for whoever wants it), then
 * retries each time that resource's update lands, until the name is free. The engine runs
 * independent updates in parallel, so swaps and rotations complete within one `pulumi up`. If the
 * name is not freed in NAME_SWAP_WAIT_MS (e.g. `--parallel 1`), the object goes back to its old
 * name and the ConflictError is rethrown: nothing is lost and the message says what to do.
 */
export async function updateWithNameSwap<W extends { name: string }, S extends { id: string }>(
  registry: RunRegistry,
  api: ResourcesApi<W, S>,
  id: string,
  body: W,
  etag: string,
  urn: unknown,
  oldName: unknown,
): Promise<ApiResponse<S>> {
  let error: unknown;
  // The holder may free the name between our 409 and the lookup (it moved to its own temporary
  // name): then the name is simply free, and one more PUT takes it.
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.replace(id, body, etag);
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ConflictError && error.errorCode === "duplicate_name")) throw error;
    const holder = await api.findByName(body.name).catch(() => undefined);
    if (!holder && attempt < 2) continue;
    const holderUrn = holder ? registry.otherHolders(holder.body.id, urn)[0] : undefined;
    const moving = holderUrn ? registry.entry(holderUrn) : undefined;
    if (!moving || moving.plannedName === undefined || moving.plannedName === body.name) throw error;
    const current = await api.replace(id, { ...body, name: temporaryName(body.name, id) }, etag);
    const deadline = Date.now() + NAME_SWAP_WAIT_MS;
    while (Date.now() < deadline) {
      await registry.change(500);
      try {
        return await api.replace(id, body, current.etag ?? "");
      } catch (retryError) {
        if (!(retryError instanceof ConflictError && retryError.errorCode === "duplicate_name")) throw retryError;
      }
    }
    if (typeof oldName === "string") await api.replace(id, { ...body, name: oldName }, current.etag ?? "");
    throw error;
  }
}
