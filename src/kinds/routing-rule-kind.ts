import type { RoutingRule as ServerRule, RoutingRuleInput as WireRule } from "../client";
import { orderConditions, orderTargets, validateRuleInputs, type RuleInputs } from "../validation";
import type { ObjectKind } from "./object-kind";
import { providerSettings } from "../provider/provider-state";
import { refuseOutsideDependents } from "../provider/write-safety/delete-guard";
import { fallbackRuleName } from "../provider/identity/fallback-names";
import { ownedName, withoutOwner } from "../settings/ownership";

const FIELDS = ["name", "description", "priority", "enabled", "interactionType", "conditions", "targets", "fallbackRuleId"] as const;

export const routingRuleKind: ObjectKind<RuleInputs & Record<string, unknown>, WireRule, ServerRule> = {
  kind: "RoutingRule",
  api: (client) => client.rules,
  validate(raw) {
    const { maxConditions } = providerSettings();
    return validateRuleInputs(raw, maxConditions ? { maxConditions } : {}) as ReturnType<
      ObjectKind<RuleInputs & Record<string, unknown>, WireRule, ServerRule>["validate"]
    >;
  },
  fields: FIELDS,
  // All conditions are ANDed and targets are weighted, so neither list's order means anything.
  setFields: ["conditions", "targets"],
  writeOnlyFields: [],
  secretFields: [],
  displayFields: ["fallbackRuleName"],
  async display(fields, known = {}) {
    // The name the program or the state already holds costs no request.
    if (fields.fallbackRuleId === undefined) return {};
    if (known.fallbackRuleId === fields.fallbackRuleId && typeof known.fallbackRuleName === "string") {
      return { fallbackRuleName: known.fallbackRuleName };
    }
    const name = await fallbackRuleName(fields.fallbackRuleId);
    return name !== undefined ? { fallbackRuleName: name } : {};
  },
  beforeDelete: (client, id, name) => refuseOutsideDependents(client.rules, id, name),
  toWire(rule) {
    return {
      name: ownedName(rule.name),
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      priority: rule.priority,
      enabled: rule.enabled,
      interactionType: rule.interactionType,
      conditions: rule.conditions.map((c) => ({ ...c })),
      targets: rule.targets.map((t) => ({ ...t })),
      ...(rule.fallbackRuleId !== undefined ? { fallbackRuleId: rule.fallbackRuleId } : {}),
    };
  },
  fromServer(rule) {
    // The order check() gives (normalizeRuleInputs), so read() inputs compare like for like.
    const targets = orderTargets((rule.targets ?? []).map((t) => ({ type: t.type, id: t.id, weight: t.weight, capacity: t.capacity })));
    return {
      name: withoutOwner(rule.name),
      // "" is a valid description the server keeps; dropping it would show a diff on every preview.
      ...(typeof rule.description === "string" ? { description: rule.description } : {}),
      priority: rule.priority,
      enabled: rule.enabled,
      interactionType: rule.interactionType,
      conditions: orderConditions(
        (rule.conditions ?? []).map((c) => ({
          field: c.field,
          operator: c.operator,
          value: c.value,
          ...(c.conditionGroupId ? { conditionGroupId: c.conditionGroupId } : {}),
        })),
      ),
      targets,
      ...(rule.fallbackRuleId ? { fallbackRuleId: rule.fallbackRuleId } : {}),
    };
  },
  serverFields: (rule) => ({ version: rule.version, createdAt: rule.createdAt, updatedAt: rule.updatedAt }),
};
