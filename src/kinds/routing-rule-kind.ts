import type { RoutingRule as ServerRule, RoutingRuleInput as WireRule } from "../client";
import { orderConditions, orderTargets, validateRuleInputs, type RuleInputs } from "../validation";
import type { ObjectKind } from "./object-kind";
import { ownedName, withoutOwner } from "../settings/ownership";

const FIELDS = ["name", "description", "priority", "enabled", "interactionType", "conditions", "targets", "fallbackRuleId"] as const;

export const routingRuleKind: ObjectKind<RuleInputs & Record<string, unknown>, WireRule, ServerRule> = {
  kind: "RoutingRule",
  api: (client) => client.rules,
  validate(raw, scope = {}) {
    const { maxConditions } = scope;
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
  async display(fields, stateValues, scope) {
    const known = stateValues ?? {};
    // The name the program or the state already holds costs no request.
    if (fields.fallbackRuleId === undefined) return {};
    if (known.fallbackRuleId === fields.fallbackRuleId && typeof known.fallbackRuleName === "string") {
      return { fallbackRuleName: known.fallbackRuleName };
    }
    const id = fields.fallbackRuleId;
    const name = typeof id === "string" && scope.ruleName ? await scope.ruleName(id) : undefined;
    return name !== undefined ? { fallbackRuleName: name } : {};
  },
  hasDependents: true,
  toWire(rule, scope = {}) {
    return {
      name: ownedName(rule.name, scope.owner),
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      priority: rule.priority,
      enabled: rule.enabled,
      interactionType: rule.interactionType,
      conditions: rule.conditions.map((c) => ({ ...c })),
      targets: rule.targets.map((t) => ({ ...t })),
      ...(rule.fallbackRuleId !== undefined ? { fallbackRuleId: rule.fallbackRuleId } : {}),
    };
  },
  fromServer(rule, scope = {}) {
    // The order check() gives (normalizeRuleInputs), so read() inputs compare like for like.
    const targets = orderTargets((rule.targets ?? []).map((t) => ({ type: t.type, id: t.id, weight: t.weight, capacity: t.capacity })));
    return {
      name: withoutOwner(rule.name, scope.owner),
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
