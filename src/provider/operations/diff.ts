import type * as dynamic from "@pulumi/pulumi/dynamic";
import { changedFieldsOf } from "../../kinds/field-compare";
import { unwrapSecrets } from "../../kinds/secrets";
import type { Operation, Props } from "./operation";

/**
 * diff(): what changes, decided from the old outputs and the new inputs alone (no API call). It
 * also tells the run registry which id this resource holds and which name it plans, which name
 * swaps and 409 messages of the same run rely on.
 */
export async function diff(op: Operation, id: string, olds: Props, news: Props): Promise<dynamic.DiffResult> {
  const before = unwrapSecrets(olds) as Props;
  const after = unwrapSecrets(news) as Props;
  op.run.registry.hold(after.__urn ?? before.__urn, id, { currentName: before.name, plannedName: after.name });
  const changed = changedFieldsOf(op.kind.fields, olds, news, op.kind.setFields);
  // adoptId naming the object this resource already manages adopts nothing new: replacing
  // would delete that very object first and then find nothing to adopt.
  // conflictPolicy steers later writes: a change is an update that makes no API call.
  // Display-only fields (fallbackRuleName) and adoptEtag never make a change on their own.
  const policyChanged = (after.conflictPolicy ?? null) !== (before.conflictPolicy ?? null);
  // cxone:owner is part of the name CXone holds (see settings/ownership.ts): a new owner renames it.
  const ownerChanged = (after.owner ?? null) !== (before.owner ?? null);
  const adoptChanged = (after.adoptId ?? null) !== (before.adoptId ?? null) && after.adoptId !== undefined && after.adoptId !== id;
  const replaces = adoptChanged ? ["adoptId"] : [];
  return {
    changes: changed.length > 0 || replaces.length > 0 || policyChanged || ownerChanged,
    replaces,
    // Same name on both sides of a replacement would collide with the unique-name rule.
    deleteBeforeReplace: replaces.length > 0 && before.name === after.name,
  };
}
