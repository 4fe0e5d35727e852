// Inputs written the way TypeScript users write programs: values held in variables (which
// TypeScript widens from "queue" to string) and shared settings spread into several rules.
// typed-inputs.test.ts compiles this file under Pulumi's template tsconfig; natural-inputs.test.ts
// deploys it with the plain pulumi CLI.
import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

const config = new pulumi.Config();

// 1. Targets built in a variable, then passed as `targets: t`.
const t = [{ type: "queue", id: "queue-general", weight: 100, capacity: 10 }];
new RoutingRule("general", {
  name: "General Routing",
  priority: 100,
  interactionType: "voice",
  targets: t,
});

// 2. A shared object spread into rules.
const voice = { enabled: true, interactionType: "voice" };
const vipCondition = { field: "customerSegment", operator: "equals", value: "vip" };
new RoutingRule("vip", {
  ...voice,
  name: "VIP Routing",
  priority: 10,
  conditions: [vipCondition],
  targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 5 }],
  fallback: "general",
});
new RoutingRule("billing", {
  ...voice,
  name: "Billing Routing",
  priority: 20,
  conditions: [{ field: "intent", operator: "equals", value: "billing" }],
  targets: t,
});

// Event names from a variable, and a conflict policy shared by several resources.
const events = ["routing.rule.created", "routing.rule.updated"];
const policy = { conflictPolicy: "fail" };
new Webhook("sync", {
  ...policy,
  name: "RoutingRuleSync",
  targetURL: config.get("receiverUrl") ?? "https://orchestration.example.com/hooks/cxone",
  eventFilter: events,
});

// A typo compiles (any string does); check refuses it at preview, naming "voice".
if (config.getBoolean("withTypo")) {
  new RoutingRule("typo", {
    name: "Typo Routing",
    priority: 30,
    interactionType: "vioce",
    targets: t,
  });
}
