import type { EvaluableCondition } from "./condition-match";
import type { EvaluableRule, Interaction } from "./routing-evaluator";

/** `voice {"customerSegment":"vip"}` */
export function describeInteraction(interaction: Interaction): string {
  return `${interaction.interactionType} ${JSON.stringify(interaction.attributes)}`;
}

/** `callDuration lessThan 120` */
export function describeCondition(condition: EvaluableCondition): string {
  return `${condition.field} ${condition.operator} ${JSON.stringify(condition.value)}`;
}

/** `rule "voice-vip" (VIP Routing, priority 10)`; the name is left out when it is the key. */
export function describeRule(rule: EvaluableRule | undefined): string {
  if (!rule) return "no rule";
  const name = rule.name !== rule.key ? `${rule.name}, ` : "";
  return `rule ${JSON.stringify(rule.key)} (${name}priority ${rule.priority}${rule.enabled ? "" : ", disabled"})`;
}

/** Why a condition failed, in terms of the attribute given. */
export function describeMismatch(condition: EvaluableCondition, attributes: Readonly<Record<string, unknown>>): string {
  const actual = attributes[condition.field];
  const given =
    actual === undefined || actual === null
      ? `the interaction has no ${condition.field} attribute`
      : `the interaction has ${condition.field} = ${JSON.stringify(actual)}`;
  return `condition ${describeCondition(condition)} did not match: ${given}`;
}
