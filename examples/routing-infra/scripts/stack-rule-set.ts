import { pulumi } from "./pulumi-cli";
import type { RuleDefinition } from "../rules/rule-definition";

/** The `ruleSet` output of a deployed stack (empty when the stack has never been deployed). */
export async function deployedRuleSet(stack: string): Promise<RuleDefinition[]> {
  const result = await pulumi(["stack", "output", "ruleSet", "--json", "--stack", stack]);
  if (result.code !== 0) {
    if (/not found|no output named|does not have output property|no stack named/i.test(result.stderr)) return [];
    throw new Error(`pulumi stack output --stack ${stack} failed: ${result.stderr.trim()}`);
  }
  return JSON.parse(JSON.parse(result.stdout) as string) as RuleDefinition[];
}
