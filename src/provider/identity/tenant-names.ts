import type { CheckFailure } from "../../validation";
import { isUnknownPlaceholder } from "../../validation";
import { createdBy, createHistory } from "../write-safety/create-journal";
import { duplicateNameMessage } from "./name-collisions";
import { ownedName } from "../../settings/ownership";
import type { AnyObjectKind } from "../../kinds/object-kind";
import { providerClient } from "../provider-state";
import { isHeld } from "./run-registry";

const lists = new WeakMap<object, Map<string, Promise<Map<string, string> | undefined>>>();

/** name -> id of every object of the kind in the tenant: one paged list per kind and process. */
function tenantNames(kind: AnyObjectKind): Promise<Map<string, string> | undefined> {
  const client = providerClient();
  let perKind = lists.get(client);
  if (!perKind) lists.set(client, (perKind = new Map()));
  let names = perKind.get(kind.kind);
  if (!names) {
    names = kind
      .api(client)
      .snapshot()
      .then(
        // The paged listing read() shares (one listing per run for `preview --refresh`).
        (snapshot: { items: ReadonlyMap<string, { object: { id: string; name: string } }> }) =>
          new Map([...snapshot.items.values()].map(({ object }) => [object.name, object.id])),
        // An unreachable tenant fails later with its own message; check stays about the inputs.
        () => undefined,
      );
    perKind.set(kind.kind, names);
  }
  return names;
}

/**
 * check() of a NEW resource (no olds, no adoptId): its name must not be taken in the tenant by an
 * object this run does not manage. Run-held ids (other resources of the program, seen in their
 * diff) are left to update's name sequencing; anything else fails the preview with the fix.
 */
export async function tenantNameFailure(kind: AnyObjectKind, name: string, urn: unknown): Promise<CheckFailure | undefined> {
  if (typeof name !== "string" || isUnknownPlaceholder(name)) return undefined;
  const holderId = (await tenantNames(kind))?.get(ownedName(name));
  if (!holderId || isHeld(holderId)) return undefined;
  // Left by this resource's own create in a run that was killed: create() takes it over.
  if (createdBy(createHistory(urn, ownedName(name)), holderId)) return undefined;
  return { property: "name", reason: duplicateNameMessage(kind.kind, name, holderId, urn) };
}
