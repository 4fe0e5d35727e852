import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, Webhook } from "pulumi-cxone-routing";
import { allRules } from "./rules";
import { toRoutingRuleArgs } from "./rules/rule-definition";

const config = new pulumi.Config("routing-infra");
const queues = config.requireObject<Record<string, string>>("queues");

// Routing changes are pushed to the orchestration platform.
const sync = new Webhook("orchestration-sync", {
  name: `RoutingRuleSync-${pulumi.getStack()}`,
  targetURL: config.require("orchestrationUrl"),
  eventFilter: ["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"],
  secret: config.requireSecret("webhookSecret"),
});

const rules = allRules.map((rule) => new RoutingRule(rule.key, toRoutingRuleArgs(rule, queues), { dependsOn: [sync] }));

export const webhookId = sync.id;
export const ruleIds = Object.fromEntries(rules.map((r, i) => [allRules[i]!.key, r.id]));
/**
 * The reviewed definitions this stack runs, in logical terms: what `npm run compare` diffs.
 * One JSON string, so that plans show it as one line.
 */
export const ruleSet = JSON.stringify(allRules);
