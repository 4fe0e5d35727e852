import type { RuleDefinition } from "./rule-definition";

export const chatRules: RuleDefinition[] = [
  {
    key: "chat-spanish",
    name: "Chat Spanish Speakers",
    priority: 10,
    interactionType: "chat",
    conditions: [{ field: "language", operator: "startsWith", value: "es" }],
    targets: [{ queue: "chat-spanish", weight: 100, capacity: 25 }],
    fallback: "chat-general",
  },
  {
    key: "chat-general",
    name: "General Chat Routing",
    priority: 100,
    interactionType: "chat",
    targets: [{ queue: "chat-general", weight: 100, capacity: 80 }],
  },
];
