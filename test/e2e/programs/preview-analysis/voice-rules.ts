import { RoutingRule } from "pulumi-cxone-routing";

// One half of a rule set split over two files: "vip" falls back, by name, to a rule declared in
// overflow-rules.ts, which is loaded after this file.
new RoutingRule("vip", {
  name: "VIP",
  priority: 10,
  interactionType: "voice",
  conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }],
  targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 10 }],
  fallback: "overflow",
});
