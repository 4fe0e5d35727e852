import type { KeyedDefinition } from "../../promotion/rule-set-diff";
import { pulumiForStack } from "../pulumi-cli";

export interface DeployedRuleSet {
  readonly rules: readonly KeyedDefinition[];
  readonly sha256: string;
}

/**
 * The rule set a stack's last deployment recorded (its `ruleSet` and `ruleSetSha256` outputs),
 * read from the backend: no tenant and no credentials needed. Undefined: the stack exists but
 * records none (never deployed).
 */
export async function deployedRuleSet(stack: string, cwd: string): Promise<DeployedRuleSet | undefined> {
  const outputs = JSON.parse(await pulumiForStack(["stack", "output", "--json"], stack, cwd)) as {
    ruleSet?: unknown;
    ruleSetSha256?: unknown;
  };
  if (typeof outputs.ruleSet !== "string" || typeof outputs.ruleSetSha256 !== "string") return undefined;
  return { rules: JSON.parse(outputs.ruleSet) as KeyedDefinition[], sha256: outputs.ruleSetSha256 };
}
