import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

// Resources at the top of the program and inside a component, as teams group a queue's rules.
class QueueRouting extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("acme:routing:QueueRouting", name, {}, opts);
    new RoutingRule(
      `${name}-voice`,
      {
        name: `${name} voice`,
        priority: 20,
        interactionType: "voice",
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

const outer = new QueueRouting("billing");
new QueueRouting("billing-after-hours", { parent: outer });

new RoutingRule("general", {
  name: "General",
  priority: 90,
  interactionType: "voice",
  targets: [{ type: "queue", id: "general-queue", weight: 100, capacity: 5 }],
});
