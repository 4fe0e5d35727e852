import type { EvaluableRule } from "../../src/routing";

/** A voice rule with one queue (weight 100, capacity 10); override what the test is about. */
export function rule(key: string, overrides: Partial<EvaluableRule> = {}): EvaluableRule {
  return {
    key,
    name: key,
    priority: 100,
    enabled: true,
    interactionType: "voice",
    conditions: [],
    targets: [{ type: "queue", id: `q-${key}`, weight: 100, capacity: 10 }],
    ...overrides,
  };
}
