import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

const config = new pulumi.Config();
const vipWeight = config.requireNumber("vipWeight");

const hook = new Webhook("sync", {
  name: "RoutingRuleSync",
  targetURL: config.require("receiverUrl"),
  eventFilter: ["routing.rule.created", "routing.rule.updated"],
  secret: config.requireSecret("webhookSecret"),
});
// Rules go after the webhook, so that it receives their created events.
const afterHook = { dependsOn: [hook] };

// Forward reference by name: "general" is declared below.
const overflow = new RoutingRule(
  "overflow",
  {
    name: "Overflow",
    priority: 50,
    interactionType: "voice",
    conditions: [{ field: "queueWaitSeconds", operator: "greaterThan", value: 300 }],
    targets: [{ type: "queue", id: "queue-overflow", weight: 100, capacity: 20 }],
    fallback: "general",
  },
  afterHook,
);
const vip = new RoutingRule(
  "vip",
  {
    name: "VIP Customer Priority Routing",
    description: "Routes high-value interactions to dedicated agent pools",
    priority: 10,
    interactionType: "voice",
    conditions: [
      { field: "customerSegment", operator: "equals", value: "vip" },
      { field: "callDuration", operator: "lessThan", value: 120 },
    ],
    targets: [
      { type: "queue", id: "queue-vip-pool-01", weight: vipWeight, capacity: 50 },
      { type: "queue", id: "queue-vip-pool-02", weight: 100 - vipWeight, capacity: 30 },
    ],
    fallback: overflow,
  },
  afterHook,
);
const general = new RoutingRule(
  "general",
  {
    name: "General Routing",
    priority: 100,
    interactionType: "voice",
    targets: [{ type: "queue", id: "queue-general", weight: 100, capacity: 200 }],
  },
  afterHook,
);

export const vipId = vip.id;
export const overflowId = overflow.id;
export const generalId = general.id;
export const hookId = hook.id;
