import * as pulumi from "@pulumi/pulumi";
import { RoutingRule } from "pulumi-cxone-routing";

const config = new pulumi.Config();
const weights = config.requireObject<[number, number]>("generalWeights");

// The other half of the rule set: "general" falls back to "vip", declared in voice-rules.ts.
new RoutingRule("overflow", {
  name: "Overflow",
  priority: 50,
  interactionType: "voice",
  conditions: [{ field: "queueWaitSeconds", operator: "greaterThan", value: 300 }],
  targets: [{ type: "queue", id: "queue-overflow", weight: 100, capacity: 10 }],
  fallback: "general",
});
new RoutingRule("general", {
  name: "General",
  priority: 100,
  interactionType: "voice",
  targets: [
    { type: "queue", id: "queue-general-a", weight: weights[0], capacity: 100 },
    { type: "queue", id: "queue-general-b", weight: weights[1], capacity: 100 },
  ],
  fallback: "vip",
});
