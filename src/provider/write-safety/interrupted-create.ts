import { createHash } from "node:crypto";
import type { ApiResponse } from "../../client";
import { NotFoundError } from "../../client/errors";
import { equalsProgram } from "../../kinds/field-compare";
import { holdsProgramVersion } from "./confirm-write";
import type { Operation, Props } from "../operations/operation";

/**
 * Creates that survive a killed `pulumi up` on any runner. A run killed between a POST and the
 * engine's checkpoint leaves an object in CXone that the state does not list, and the next runner
 * starts from a fresh checkout: nothing in the project folder can connect that object to its
 * resource. The tenant can. Every create of a resource sends an Idempotency-Key derived from the
 * stack's URN of the resource and the name it creates, the same on every machine. The next run's
 * create of the same resource sends the same key, and CXone answers with the object the first
 * POST made (the replay the API keeps for 24 hours) instead of a second one or a name conflict.
 *
 * A replay can also be of an object that is no longer this resource's to take: deleted since (a
 * destroy, then an up within 24 hours), renamed in the console, or held by another resource of the
 * run (the URN reused after a rename with `aliases`). The create then moves on to the next key of
 * a fixed sequence, still the same on every runner, and is an ordinary create (or the ordinary
 * name conflict) from there.
 */
const MAX_GENERATIONS = 8;

export function createKey(urn: string, wireName: string, generation: number): string {
  const hex = createHash("sha256").update(`${urn}\n${wireName}\n${generation}`).digest("hex");
  // UUID-shaped, as idempotency keys usually are.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function isReplay(response: ApiResponse<unknown>): boolean {
  return response.headers["idempotent-replayed"] === "true";
}

export interface KeyedCreate<S> {
  readonly response: ApiResponse<S>;
  /** The object came from an earlier run's create of this resource (a replayed key). */
  readonly takenOver: boolean;
  /** The taken-over object differed from the program and was brought to it (one guarded PUT). */
  readonly updated: boolean;
}

/**
 * POST with this resource's key; a replay is read back (GET), and brought to the program's values
 * with a PUT guarded by the ETag just read when they differ.
 */
export async function createWithKey<W extends { name: string }, S extends { id: string }>(
  op: Operation<Props, W, S>,
  urn: unknown,
  body: W,
  fields: Props,
): Promise<KeyedCreate<S>> {
  if (typeof urn !== "string" || urn === "") return { response: await op.api.create(body), takenOver: false, updated: false };
  for (let generation = 0; ; generation++) {
    const last = generation === MAX_GENERATIONS - 1;
    // The last key is random: a chain of replays of deleted objects ends in a plain create.
    const created = await op.api.create(body, last ? {} : { idempotencyKey: createKey(urn, body.name, generation) });
    if (last || !isReplay(created)) return { response: created, takenOver: false, updated: false };
    let current: ApiResponse<S>;
    try {
      current = await op.api.get(created.body.id);
    } catch (error) {
      if (error instanceof NotFoundError) continue;
      throw error;
    }
    const renamed = (current.body as { name?: unknown }).name !== body.name;
    if (renamed || op.run.registry.otherHolders(current.body.id, urn).length > 0) continue;
    if (equalsProgram(op.kind, op.kind.fromServer(current.body, op.scope), fields))
      return { response: current, takenOver: true, updated: false };
    const updated = await op.api.replace(current.body.id, body, current.etag ?? "");
    return { response: updated, takenOver: true, updated: true };
  }
}

/**
 * At check (preview), for a new resource whose name an unmanaged object holds: whether `create`
 * may find that object to be this resource's own interrupted create. Only an object that equals
 * the program in every field the server shows (a run killed mid-`up` created exactly the program's values); `create`
 * then proves it by the replayed key, and refuses with the name-collision message when CXone does
 * not replay it. Anything else is refused here, at preview, before any write.
 */
export async function mayBeOwnCreate(op: Operation, holderId: string, fields: Props): Promise<boolean> {
  const holder = await op.api.get(holderId).catch(() => undefined);
  // Write-only fields (a webhook's secret) cannot be compared; create's guarded PUT writes them.
  return holder !== undefined && holdsProgramVersion(op, holder.body, fields);
}
