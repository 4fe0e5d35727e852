import type { ConditionOperator, InteractionType, RoutingRuleArgs } from "pulumi-cxone-routing";

/**
 * A routing rule as the team reviews it: queues by logical name, so that one definition serves
 * every environment. Each stack maps logical queue names to its tenant's queue ids
 * (`routing-infra:queues` in Pulumi.<stack>.yaml).
 */
export interface RuleDefinition {
  /** Logical name of the Pulumi resource; also what `fallback` refers to. */
  key: string;
  name: string;
  description?: string;
  priority: number;
  interactionType: InteractionType;
  enabled?: boolean;
  conditions?: { field: string; operator: ConditionOperator; value: string | number | boolean }[];
  targets: { queue: string; weight: number; capacity: number }[];
  /** Key of another rule, in any file. */
  fallback?: string;
}

export function toRoutingRuleArgs(rule: RuleDefinition, queues: Record<string, string>): RoutingRuleArgs {
  return {
    name: rule.name,
    ...(rule.description ? { description: rule.description } : {}),
    priority: rule.priority,
    interactionType: rule.interactionType,
    enabled: rule.enabled ?? true,
    conditions: rule.conditions ?? [],
    targets: rule.targets.map((t) => {
      const id = queues[t.queue];
      if (!id) throw new Error(`rule "${rule.key}": queue "${t.queue}" has no id in routing-infra:queues for this stack`);
      return { type: "queue", id, weight: t.weight, capacity: t.capacity };
    }),
    ...(rule.fallback ? { fallback: rule.fallback } : {}),
  };
}
