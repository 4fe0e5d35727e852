import type * as pulumi from "@pulumi/pulumi";
import { RoutingRule } from "pulumi-cxone-routing";

// A team's policy as a resource transformation: it refuses a rule, so the SDK's constructor throws
// the program's own error.
const ownersOnly: pulumi.ResourceTransformation = (args) => {
  if (args.name === "vip") throw new Error("policy: the vip rule needs an owner");
  return undefined;
};

const general = new RoutingRule("general", {
  name: "General",
  priority: 100,
  interactionType: "voice",
  targets: [{ type: "queue", id: "queue-general", weight: 100, capacity: 10 }],
});
new RoutingRule(
  "vip",
  {
    name: "VIP",
    priority: 10,
    interactionType: "voice",
    conditions: [{ field: "segment", operator: "equals", value: "vip" }],
    targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 5 }],
    fallback: general,
  },
  { transformations: [ownersOnly] },
);
