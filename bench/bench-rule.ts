import type { RoutingRuleInput } from "../src/client/index";

/** A small valid routing rule, the shape the simulator accepts for create and seed. */
export function benchRuleInput(name: string, priority = 1): RoutingRuleInput {
  return {
    name,
    description: `benchmark rule ${name}`,
    priority,
    enabled: true,
    interactionType: "voice",
    conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }],
    targets: [{ type: "queue", id: "queue-1", weight: 100, capacity: 10 }],
  };
}
