import { allRules } from "../rules";
import { ruleSetHash } from "../rules/rule-set-hash";
import { pulumi } from "./pulumi-cli";
import { diffRuleSets, formatDifferences } from "./rule-set-diff";
import { deployedRuleSet } from "./stack-rule-set";

/**
 * `npm run promote -- <from> <to> [--yes]`: applies to <to> exactly the rule set <from> last
 * deployed (its recorded definitions and content hash), never the working tree's own edits.
 * 1. refuses when the working tree's rule set is not the one <from> runs;
 * 2. shows what changes between the two stacks, then `pulumi preview --diff --stack <to>` with
 *    the rule set pinned (the program refuses any other);
 * 3. with --yes, `pulumi up --stack <to>` with the same pin.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const yes = args.includes("--yes");
  const [from, to] = args.filter((a) => a !== "--yes");
  if (!from || !to) {
    console.error("usage: npm run promote -- <from stack> <to stack> [--yes]   e.g. npm run promote -- dev staging --yes");
    return 2;
  }
  const source = await deployedRuleSet(from);
  if (!source) {
    console.error(`promotion refused: stack "${from}" has no recorded rule set; deploy it first (pulumi up --stack ${from}).`);
    return 2;
  }
  const working = ruleSetHash(allRules);
  if (working !== source.sha256) {
    console.error(
      `promotion refused: the working tree's rule set (${working.slice(0, 12)}) is not the one ${from} runs (${source.sha256.slice(0, 12)}).\n` +
        `${formatDifferences("working tree", from, diffRuleSets(allRules, source.rules))}\n` +
        `Fix: deploy the change to ${from} first (pulumi up --stack ${from}), or check out the commit ${from} runs.`,
    );
    return 1;
  }
  const target = await deployedRuleSet(to);
  console.log(`== ${from} -> ${to}: rule set ${source.sha256.slice(0, 12)}`);
  console.log(formatDifferences(from, to, diffRuleSets(source.rules, target?.rules ?? [])));
  const pin = { ROUTING_RULESET_SHA256: source.sha256 };
  console.log(`\n== pulumi preview --diff --stack ${to}`);
  const preview = await pulumi(["preview", "--diff", "--stack", to, "--suppress-outputs"], { echo: true, env: pin });
  if (preview.code !== 0) return preview.code;
  if (!yes) {
    console.log(`\nThis is ${to}'s plan. Re-run with --yes to apply it.`);
    return 0;
  }
  console.log(`\n== pulumi up --stack ${to}`);
  const up = await pulumi(["up", "--yes", "--stack", to, "--suppress-outputs"], { echo: true, env: pin });
  if (up.code !== 0) return up.code;
  const after = await deployedRuleSet(to);
  console.log(
    after?.sha256 === source.sha256
      ? `\n${to} now runs rule set ${source.sha256.slice(0, 12)}, as ${from} does.`
      : `\n${to} did not record rule set ${source.sha256.slice(0, 12)}.`,
  );
  return after?.sha256 === source.sha256 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
