import * as pulumi from "@pulumi/pulumi";
import { RoutingRule } from "pulumi-cxone-routing";

const config = new pulumi.Config();

new RoutingRule("escalation", {
  name: "Escalation",
  priority: 30,
  interactionType: "voice",
  conditions: [{ field: "sentiment", operator: "equals", value: "angry" }],
  targets: [{ type: "queue", id: "queue-escalation", weight: 100, capacity: 5 }],
  // A rule another team manages in the console.
  fallbackRuleId: config.get("remoteFallback"),
});
