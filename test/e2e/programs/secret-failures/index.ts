import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";

// One bad input per run, marked secret in the program (`probe` says which input gets it). The value
// comes from plain config, so the engine has no copy of it to mask: only our code can hide it.
const config = new pulumi.Config();
const probe = config.require("probe");
const value = pulumi.secret(config.get("value") ?? "");

if (probe === "name" || probe === "condition" || probe === "interactionType") {
  new RoutingRule("vip", {
    name: probe === "name" ? value : "VIP",
    priority: 10,
    interactionType: probe === "interactionType" ? (value as pulumi.Output<never>) : "voice",
    conditions: [
      {
        field: "segment",
        operator: "equals",
        value: probe === "condition" ? (value.apply((v) => ({ bad: v })) as unknown as pulumi.Output<string>) : "vip",
      },
    ],
    targets: [{ type: "queue", id: "queue-vip", weight: 100, capacity: 5 }],
  });
} else {
  new Webhook("sync", {
    name: "Sync",
    targetURL: probe === "targetURL" ? value : probe === "plainURL" ? config.require("url") : "https://hooks.example.com/x",
    eventFilter: probe === "eventFilter" ? [value as pulumi.Output<never>] : ["routing.rule.created"],
  });
}
