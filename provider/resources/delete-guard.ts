import type { ResourcesApi } from "../client";
import { DependentRuleError } from "./errors/dependent-rule-error";
import { OwnershipError } from "./errors/ownership-error";
import { foreignOwner } from "./ownership";
import { isHeld } from "./run-registry";

/**
 * Before a rule is deleted: rules outside the stack (held by no resource of this run) that fall
 * back to it would be left dangling, so the delete fails once, naming them, before anything is sent.
 *
 * Preview cannot show this: the engine plans deletes without calling the provider (no diff, no
 * check for a resource that left the program), so the first moment the provider sees a delete is
 * the delete call itself during `pulumi up`.
 */
export async function refuseOutsideDependents(
  api: ResourcesApi<{ name: string }, { id: string; name: string; fallbackRuleId?: string | null }>,
  id: string,
  name: string,
): Promise<void> {
  const rules = await api.listAll();
  const self = rules.find((r) => r.id === id);
  const owner = self ? foreignOwner(self.name) : undefined;
  if (self && owner) throw new OwnershipError("RoutingRule", "delete", self.name, id, owner);
  const dependents = rules.filter((r) => r.fallbackRuleId === id && r.id !== id && !isHeld(r.id));
  if (dependents.length === 0) return;
  const list = dependents.map((r) => `"${r.name}" (id ${r.id})`).join(", ");
  throw new DependentRuleError(
    `RoutingRule "${name}" (id ${id}) was not deleted: ${dependents.length === 1 ? "the rule" : "the rules"} ${list} outside this stack ` +
      `fall${dependents.length === 1 ? "s" : ""} back to it, and would be left pointing at nothing. Point ${dependents.length === 1 ? "its" : "their"} fallback at another rule in CXone ` +
      `(or bring ${dependents.length === 1 ? "it" : "them"} into this program with adoptId), then run \`pulumi up\` again; nothing was sent.`,
  );
}
