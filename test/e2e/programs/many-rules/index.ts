import * as pulumi from "@pulumi/pulumi";
import { RoutingRule } from "pulumi-cxone-routing";

// A tenant-sized rule set: `count` voice rules, each routing one customer segment to its queue.
const count = new pulumi.Config().requireNumber("count");

for (let i = 0; i < count; i++) {
  new RoutingRule(`rule-${i}`, {
    name: `Segment ${i}`,
    priority: 1000 + i,
    interactionType: "voice",
    conditions: [{ field: "segment", operator: "equals", value: `s${i}` }],
    targets: [{ type: "queue", id: `queue-${i}`, weight: 100, capacity: 10 }],
  });
}
