import { diffRuleSets, formatDifferences } from "./rule-set-diff";
import { deployedRuleSet } from "./stack-rule-set";

/**
 * `npm run compare -- <stackA> <stackB>`: what differs between the rule sets two stacks run,
 * rule by rule and field by field, in logical terms (queue names, not per-environment ids).
 * Exits 1 when they differ, so CI can gate on it.
 */
async function main(): Promise<void> {
  const [left, right] = process.argv.slice(2);
  if (!left || !right) {
    console.error("usage: npm run compare -- <stack> <other stack>   e.g. npm run compare -- dev prod");
    process.exitCode = 2;
    return;
  }
  const diffs = diffRuleSets(await deployedRuleSet(left), await deployedRuleSet(right));
  console.log(formatDifferences(left, right, diffs));
  process.exitCode = diffs.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
