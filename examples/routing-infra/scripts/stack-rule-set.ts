import type { RuleDefinition } from "../rules/rule-definition";
import { pulumi } from "./pulumi-cli";

export interface DeployedRuleSet {
  readonly rules: RuleDefinition[];
  readonly sha256: string;
}

/** The rule set a stack's last deployment recorded (its `ruleSet` and `ruleSetSha256` outputs). */
export async function deployedRuleSet(stack: string): Promise<DeployedRuleSet | undefined> {
  const result = await pulumi(["stack", "output", "--json", "--stack", stack]);
  if (result.code !== 0) {
    if (/no stack named/i.test(result.stderr)) {
      throw new Error(
        `stack "${stack}" does not exist. Create it first: pulumi stack init ${stack}, then set its secrets (see Pulumi.${stack}.yaml).`,
      );
    }
    throw new Error(`pulumi stack output --stack ${stack} failed: ${result.stderr.trim()}`);
  }
  const outputs = JSON.parse(result.stdout) as { ruleSet?: string; ruleSetSha256?: string };
  if (!outputs.ruleSet || !outputs.ruleSetSha256) return undefined;
  return { rules: JSON.parse(outputs.ruleSet) as RuleDefinition[], sha256: outputs.ruleSetSha256 };
}
