import type { ResourcesApi } from "../../client";
import { DependentRuleError } from "../../errors/dependent-rule-error";
import { OwnershipError } from "../../errors/ownership-error";
import { foreignOwner } from "../../settings/ownership";
import type { RunContext } from "../run-context";

/**
 * Before a rule is deleted: rules outside the stack (held by no resource of this run) that fall
 * back to it would be left dangling, so the delete fails once, naming them, before anything is sent.
 *
 * Preview cannot show this: the engine plans deletes without calling the provider (no diff, no
 * check for a resource that left the program), so the first moment the provider sees a delete is
 * the delete call itself during `pulumi up`.
 */
type RulesApi = ResourcesApi<{ name: string }, { id: string; name: string; fallbackRuleId?: string | null }>;
type Listed = Awaited<ReturnType<RulesApi["listAll"]>>;

/**
 * One listing of the tenant's rules per run, not one per delete: a destroy of N rules would
 * otherwise list the collection N times (ceil(N/100) calls each). Rules this run deletes leave the
 * shared listing as they go; outside rules are not expected to change mid-run, and if one does,
 * CXone's own refusal (409 rule_in_use) still stops the delete.
 */
export async function refuseOutsideDependents(run: RunContext, api: RulesApi, id: string, name: string): Promise<void> {
  const rules = await run.once<Listed>("delete-guard rules", () => api.listAll());
  const self = rules.find((r) => r.id === id);
  const owner = self ? foreignOwner(self.name, run.owner) : undefined;
  if (self && owner) throw new OwnershipError("RoutingRule", "delete", self.name, id, owner);
  const dependents = rules.filter((r) => r.fallbackRuleId === id && r.id !== id && !run.registry.isHeld(r.id));
  if (dependents.length === 0) {
    // About to be deleted: it can no longer be an outside dependent of a later delete.
    const index = rules.findIndex((r) => r.id === id);
    if (index >= 0) rules.splice(index, 1);
    return;
  }
  const list = dependents.map((r) => `"${r.name}" (id ${r.id})`).join(", ");
  throw new DependentRuleError(
    `RoutingRule "${name}" (id ${id}) was not deleted: ${dependents.length === 1 ? "the rule" : "the rules"} ${list} outside this stack ` +
      `fall${dependents.length === 1 ? "s" : ""} back to it, and would be left pointing at nothing. Point ${dependents.length === 1 ? "its" : "their"} fallback at another rule in CXone ` +
      `(or bring ${dependents.length === 1 ? "it" : "them"} into this program with adoptId), then run \`pulumi up\` again; nothing was sent.`,
  );
}
