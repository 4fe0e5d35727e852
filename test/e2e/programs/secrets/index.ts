import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

// A webhook with a signing secret from the stack config and a rule whose priority the test changes.
const config = new pulumi.Config();

const hook = new Webhook("sync", {
  name: "SecretsSync",
  targetURL: "http://127.0.0.1:9/hook",
  eventFilter: ["routing.rule.created", "routing.rule.updated"],
  secret: config.requireSecret("webhookSecret"),
});

new RoutingRule(
  "vip",
  {
    name: "Secrets VIP",
    priority: config.requireNumber("priority"),
    interactionType: "voice",
    conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }],
    targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 5 }],
  },
  { dependsOn: [hook] },
);

export const webhookId = hook.id;
