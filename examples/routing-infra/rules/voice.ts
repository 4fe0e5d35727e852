import type { RuleDefinition } from "./rule-definition";

export const voiceRules: RuleDefinition[] = [
  {
    key: "voice-vip",
    name: "VIP Customer Priority Routing",
    description: "Routes high-value interactions to dedicated agent pools",
    priority: 10,
    interactionType: "voice",
    conditions: [
      { field: "customerSegment", operator: "equals", value: "vip" },
      { field: "callDuration", operator: "lessThan", value: 120 },
    ],
    targets: [
      { queue: "vip-pool-1", weight: 70, capacity: 50 },
      { queue: "vip-pool-2", weight: 30, capacity: 30 },
    ],
    // Declared in overflow.ts: forward references by key are fine.
    fallback: "voice-overflow",
  },
  {
    key: "voice-billing",
    name: "Billing Disputes",
    priority: 20,
    interactionType: "voice",
    conditions: [{ field: "intent", operator: "equals", value: "billing" }],
    targets: [{ queue: "billing", weight: 100, capacity: 40 }],
    fallback: "voice-general",
  },
  {
    key: "voice-general",
    name: "General Voice Routing",
    priority: 100,
    interactionType: "voice",
    targets: [
      { queue: "general", weight: 80, capacity: 200 },
      { queue: "overflow", weight: 20, capacity: 60 },
    ],
  },
];
