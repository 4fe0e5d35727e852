import type { RoutingRule as ServerRule, RoutingRuleInput as WireRule } from "../../client";
import { validateRuleInputs, type RuleInputs } from "../../validation";
import type { ObjectKind } from "../object-kind";
import { providerSettings } from "../provider-state";

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
  toWire(rule) {
    return {
      name: rule.name,
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
    const targets = [...(rule.targets ?? [])]
      .map((t) => ({ type: t.type, id: t.id, weight: t.weight, capacity: t.capacity }))
      .sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1));
    return {
      name: rule.name,
      // "" is a valid description the server keeps; dropping it would show a diff on every preview.
      ...(typeof rule.description === "string" ? { description: rule.description } : {}),
      priority: rule.priority,
      enabled: rule.enabled,
      interactionType: rule.interactionType,
      conditions: (rule.conditions ?? []).map((c) => ({
        field: c.field,
        operator: c.operator,
        value: c.value,
        ...(c.conditionGroupId ? { conditionGroupId: c.conditionGroupId } : {}),
      })),
      targets,
      ...(rule.fallbackRuleId ? { fallbackRuleId: rule.fallbackRuleId } : {}),
    };
  },
  serverFields: (rule) => ({ version: rule.version, createdAt: rule.createdAt, updatedAt: rule.updatedAt }),
};
