import * as pulumi from "@pulumi/pulumi";
import { loadRoutingTests, RoutingRule, routingTests } from "pulumi-cxone-routing";

const config = new pulumi.Config();
// The change under review: how long a VIP caller may have waited and still reach the VIP pool.
const vipMaxWait = config.getNumber("vipMaxWait") ?? 120;

new RoutingRule("voice-vip", {
  name: "VIP Customer Priority Routing",
  priority: 10,
  interactionType: "voice",
  conditions: [
    { field: "customerSegment", operator: "equals", value: "vip" },
    { field: "callDuration", operator: "lessThan", value: vipMaxWait },
  ],
  targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 50 }],
  fallback: "voice-general",
});

new RoutingRule("voice-billing", {
  name: "Billing Disputes",
  priority: 20,
  interactionType: "voice",
  conditions: [{ field: "intent", operator: "equals", value: "billing" }],
  targets: [{ type: "queue", id: "queue-billing", weight: 100, capacity: 40 }],
  fallback: "voice-general",
});

new RoutingRule("voice-general", {
  name: "General Voice Routing",
  priority: 100,
  interactionType: "voice",
  targets: [
    { type: "queue", id: "queue-general", weight: 80, capacity: 200 },
    { type: "queue", id: "queue-overflow", weight: 20, capacity: 60 },
  ],
});

new RoutingRule("chat-spanish", {
  name: "Spanish Chat",
  priority: 10,
  interactionType: "chat",
  conditions: [{ field: "language", operator: "startsWith", value: "es" }],
  targets: [{ type: "queue", id: "queue-chat-es", weight: 100, capacity: 20 }],
});

// Cases in code...
routingTests([
  {
    name: "VIP caller after 90 s reaches the VIP pool",
    interaction: { interactionType: "voice", attributes: { customerSegment: "vip", callDuration: "90" } },
    expect: { rule: "voice-vip" },
  },
]);
// ...and in a file the program loads.
loadRoutingTests("routing.routing-test.json");
