import { pulumi } from "./pulumi-cli";
import { diffRuleSets, formatDifferences } from "./rule-set-diff";
import { deployedRuleSet } from "./stack-rule-set";

/**
 * `npm run promote -- <from> <to> [--yes]`: promotes what <from> runs to <to>.
 * 1. shows what differs between the two deployed rule sets;
 * 2. `pulumi preview --stack <to>`: the engine's own plan, which must show exactly that change;
 * 3. with --yes, `pulumi up --stack <to>`, then compares again (expect: no difference).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const yes = args.includes("--yes");
  const [from, to] = args.filter((a) => a !== "--yes");
  if (!from || !to) {
    console.error("usage: npm run promote -- <from stack> <to stack> [--yes]   e.g. npm run promote -- dev staging --yes");
    process.exitCode = 2;
    return;
  }
  console.log(`== ${from} -> ${to}: rule set differences`);
  console.log(formatDifferences(from, to, diffRuleSets(await deployedRuleSet(from), await deployedRuleSet(to))));
  console.log(`\n== pulumi preview --stack ${to}`);
  const preview = await pulumi(["preview", "--stack", to, "--diff", "--suppress-outputs"], { echo: true });
  if (preview.code !== 0) {
    process.exitCode = preview.code;
    return;
  }
  if (!yes) {
    console.log(`\nRe-run with --yes to apply this to ${to}.`);
    return;
  }
  console.log(`\n== pulumi up --stack ${to}`);
  const up = await pulumi(["up", "--stack", to, "--yes", "--suppress-outputs"], { echo: true });
  if (up.code !== 0) {
    process.exitCode = up.code;
    return;
  }
  const after = diffRuleSets(await deployedRuleSet(from), await deployedRuleSet(to));
  console.log(`\n${formatDifferences(from, to, after)}`);
  process.exitCode = after.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
