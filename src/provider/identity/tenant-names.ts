import type { CheckFailure } from "../../validation";
import { isUnknownPlaceholder } from "../../validation";
import { ownedName } from "../../settings/ownership";
import type { AnyObjectKind } from "../../kinds/object-kind";
import type { RunContext } from "../run-context";
import { duplicateNameMessage, previousUrnOf } from "./name-collisions";

/** name -> id of every object of the kind in the tenant: one paged list per kind and run. */
function tenantNames(run: RunContext, kind: AnyObjectKind): Promise<Map<string, string> | undefined> {
  return run.once(`tenant-names ${kind.kind}`, () =>
    kind
      .api(run.client())
      .snapshot()
      .then(
        // The paged listing read() shares (one listing per run for `preview --refresh`).
        (snapshot: { items: ReadonlyMap<string, { object: { id: string; name: string } }> }) =>
          new Map([...snapshot.items.values()].map(({ object }) => [object.name, object.id])),
        // An unreachable tenant fails later with its own message; check stays about the inputs.
        () => undefined,
      ),
  );
}

/**
 * check() of a NEW resource (no olds, no adoptId): its name must not be taken in the tenant by an
 * object this run does not manage. Run-held ids (other resources of the program, seen in their
 * diff) are left to update's name sequencing; anything else fails the preview with the fix.
 * `ownCreate` says whether the holder may be this resource's own create from an interrupted run
 * (write-safety/interrupted-create.ts): create() takes that one over, or refuses it at `up` with
 * this same message when CXone does not replay its key. Where the audit log is at hand (the
 * machine that ran the earlier `up`), a holder another resource of the stack managed is refused
 * at preview. Without it (a fresh CI runner) a rename without `aliases` to identical values is
 * refused by `up`'s create, before any write, instead (docs: known limits).
 */
export async function tenantNameFailure(
  run: RunContext,
  kind: AnyObjectKind,
  name: string,
  urn: unknown,
  ownCreate: (holderId: string) => Promise<boolean>,
): Promise<CheckFailure | undefined> {
  if (typeof name !== "string" || isUnknownPlaceholder(name)) return undefined;
  const holderId = (await tenantNames(run, kind))?.get(ownedName(name, run.owner));
  if (!holderId || run.registry.isHeld(holderId)) return undefined;
  // The audit log is read once; the message is built only for a refusal.
  const previous = previousUrnOf(run, holderId, urn);
  const taken = () => ({ property: "name", reason: duplicateNameMessage(run, kind.kind, name, holderId, urn, previous) });
  // Another resource of this stack managed it (the audit log says so): a rename, never this
  // resource's own interrupted create, however alike the two are.
  if (previous) return taken();
  return (await ownCreate(holderId)) ? undefined : taken();
}
