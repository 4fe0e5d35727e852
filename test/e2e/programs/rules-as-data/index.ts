import * as pulumi from "@pulumi/pulumi";
import { RoutingRule, type RoutingRuleArgs } from "pulumi-cxone-routing";

// Rules as reviewed data: each test step edits the `rules` config the way a team edits its data.
interface RuleData extends Omit<RoutingRuleArgs, "fallback"> {
  key: string;
  fallback?: string;
  /** Former logical names of this rule (a rename). */
  aliases?: string[];
}

const rules = new pulumi.Config().requireObject<RuleData[]>("rules");

for (const { key, aliases, ...args } of rules) {
  new RoutingRule(key, args, aliases ? { aliases: aliases.map((name) => ({ name })) } : {});
}
