import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

// Resources at the top of the program and inside a component, as teams group a queue's rules.
class QueueRouting extends pulumi.ComponentResource {
  constructor(name: string, priority: number, opts?: pulumi.ComponentResourceOptions) {
    super("acme:routing:QueueRouting", name, {}, opts);
    new RoutingRule(
      `${name}-voice`,
      {
        name: `${name} voice`,
        priority,
        interactionType: "voice",
        conditions: [{ field: "queue", operator: "equals", value: name }],
        targets: [{ type: "queue", id: `${name}-queue`, weight: 100, capacity: 5 }],
      },
      { parent: this },
    );
    new Webhook(
      `${name}-events`,
      { name: `${name} events`, targetURL: "https://hooks.example.com/cxone", eventFilter: ["routing.rule.created"] },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

const outer = new QueueRouting("billing", 20);
new QueueRouting("billing-after-hours", 30, { parent: outer });

new RoutingRule("general", {
  name: "General",
  priority: 90,
  interactionType: "voice",
  targets: [{ type: "queue", id: "general-queue", weight: 100, capacity: 5 }],
});

// Declared outputs the program did not set: each is an Output with the value CXone holds.
const minimal = new RoutingRule("minimal", {
  name: "Minimal",
  priority: 95,
  interactionType: "chat",
  targets: [{ type: "queue", id: "chat-queue", weight: 100, capacity: 5 }],
});
const hook = new Webhook("audit", {
  name: "Audit",
  targetURL: "https://hooks.example.com/audit",
  eventFilter: "routing.rule.deleted",
});
export const minimalOutputs = pulumi
  .all([minimal.enabled, minimal.conditions, minimal.targets, minimal.description, minimal.fallbackRuleId])
  .apply(([enabled, conditions, targets, description, fallbackRuleId]) => ({ enabled, conditions, targets, description, fallbackRuleId }));
export const hookOutputs = pulumi.all([hook.enabled, hook.format]).apply(([enabled, format]) => ({ enabled, format }));
