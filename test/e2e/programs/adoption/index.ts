import * as pulumi from "@pulumi/pulumi";
import { RoutingRule } from "pulumi-cxone-routing";

const config = new pulumi.Config();

// A rule built in the CXone console, taken over by this program.
const rule = new RoutingRule("after-hours", {
  name: "Legacy After Hours",
  description: "now managed by Pulumi",
  priority: 900,
  interactionType: "voice",
  conditions: [{ field: "afterHours", operator: "equals", value: true }],
  targets: [
    { type: "queue", id: "queue-night", weight: 50, capacity: 5 },
    { type: "queue", id: "queue-night-backup", weight: 50, capacity: 5 },
  ],
  adoptId: config.require("adoptId"),
});

export const id = rule.id;
