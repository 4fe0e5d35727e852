import * as pulumi from "@pulumi/pulumi";
import { loadRoutingTests, promotableRuleSet, RoutingRule, Webhook } from "pulumi-cxone-routing";
import { allRules } from "./rules";
import { toRoutingRuleArgs } from "./rules/rule-definition";

const config = new pulumi.Config("routing-infra");
const queues = config.requireObject<Record<string, string>>("queues");

// The reviewed rule set and its content hash, recorded as stack outputs. Under
// `cxone-routing promote <from> <to>` this refuses any rule set other than the one <from> runs,
// so an unreviewed edit in the working tree cannot ride along.
const { ruleSet, ruleSetSha256 } = promotableRuleSet(allRules);

// The signing secret: stack config, or in CI the ROUTING_INFRA_WEBHOOK_SECRET variable (from the
// CI's secret store), so that a fresh runner needs no `pulumi config set`.
const fromEnv = process.env.ROUTING_INFRA_WEBHOOK_SECRET;
const webhookSecret = config.getSecret("webhookSecret") ?? (fromEnv ? pulumi.secret(fromEnv) : config.requireSecret("webhookSecret"));

// Routing changes are pushed to the orchestration platform.
const sync = new Webhook("orchestration-sync", {
  name: `RoutingRuleSync-${pulumi.getStack()}`,
  targetURL: config.require("orchestrationUrl"),
  eventFilter: ["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"],
  secret: webhookSecret,
});

// What-if cases, reviewed with the rules: every preview routes them through the whole rule set
// and fails before any write when one lands elsewhere.
loadRoutingTests("routing.routing-test.json");

const rules = allRules.map((rule) => new RoutingRule(rule.key, toRoutingRuleArgs(rule, queues), { dependsOn: [sync] }));

export const webhookId = sync.id;
export const ruleIds = Object.fromEntries(rules.map((r, i) => [allRules[i]!.key, r.id]));
/** What `cxone-routing promote` takes to the next stack: the reviewed definitions and their hash. */
export { ruleSet, ruleSetSha256 };
