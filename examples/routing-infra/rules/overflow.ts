import type { RuleDefinition } from "./rule-definition";

export const overflowRules: RuleDefinition[] = [
  {
    key: "voice-overflow",
    name: "Long Wait Overflow",
    priority: 50,
    interactionType: "voice",
    conditions: [{ field: "queueWaitSeconds", operator: "greaterThan", value: 300 }],
    targets: [{ queue: "overflow", weight: 100, capacity: 60 }],
    fallback: "voice-general",
  },
];
