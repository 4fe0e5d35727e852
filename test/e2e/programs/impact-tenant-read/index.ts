import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, routingTests } from "pulumi-cxone-routing";

const config = new pulumi.Config();

// Falls back to a rule another team manages (so the remote fallback check reads the tenant)...
new RoutingRule("escalation", {
  name: "Escalation",
  priority: 30,
  interactionType: "voice",
  conditions: [{ field: "sentiment", operator: "equals", value: "angry" }],
  targets: [{ type: "queue", id: "queue-escalation", weight: 100, capacity: 5 }],
  fallbackRuleId: config.require("remoteFallback"),
});

// ...and has a routing test (so preview prints the impact report against the tenant's rules).
routingTests([
  {
    name: "an angry caller reaches escalation",
    interaction: { interactionType: "voice", attributes: { sentiment: "angry" } },
    expect: { rule: "escalation" },
  },
]);
