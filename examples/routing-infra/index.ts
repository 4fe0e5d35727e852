import * as pulumi from "@pulumi/pulumi";
import { loadRoutingTests, RoutingRule, Webhook } from "pulumi-cxone-routing";
import { allRules } from "./rules";
import { toRoutingRuleArgs } from "./rules/rule-definition";
import { ruleSetHash } from "./rules/rule-set-hash";

const config = new pulumi.Config("routing-infra");
const queues = config.requireObject<Record<string, string>>("queues");

// Promotion pins the rule set another stack runs (`npm run promote`): this program refuses to
// deploy anything else, so an unreviewed edit in the working tree cannot ride along.
const hash = ruleSetHash(allRules);
const pinned = process.env.ROUTING_RULESET_SHA256;
if (pinned && pinned !== hash) {
  // RunError: one clean message, no program text or stack trace.
  throw new pulumi.RunError(
    `promotion refused: this working tree holds rule set ${hash.slice(0, 12)}, not ${pinned.slice(0, 12)} (the one being promoted). ` +
      "Check out the commit the source stack runs, or deploy this change to the source stack first.",
  );
}

// Routing changes are pushed to the orchestration platform.
const sync = new Webhook("orchestration-sync", {
  name: `RoutingRuleSync-${pulumi.getStack()}`,
  targetURL: config.require("orchestrationUrl"),
  eventFilter: ["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"],
  secret: config.requireSecret("webhookSecret"),
});

// What-if cases, reviewed with the rules: every preview routes them through the whole rule set
// and fails before any write when one lands elsewhere.
loadRoutingTests("routing.routing-test.json");

const rules = allRules.map((rule) => new RoutingRule(rule.key, toRoutingRuleArgs(rule, queues), { dependsOn: [sync] }));

export const webhookId = sync.id;
export const ruleIds = Object.fromEntries(rules.map((r, i) => [allRules[i]!.key, r.id]));
/**
 * The reviewed definitions this stack runs, in logical terms, and their content hash: what
 * `npm run promote` takes to the next stack.
 */
export const ruleSet = JSON.stringify(allRules);
export const ruleSetSha256 = hash;
