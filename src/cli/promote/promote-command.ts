import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROMOTION_PIN_ENV, refusalFile, writePin } from "../../promotion/promotion-pin";
import { diffRuleSets, formatDifferences } from "../../promotion/rule-set-diff";
import { PromotionSourceError } from "../errors";
import { runPulumiCli, stackCommandError } from "../pulumi-cli";
import { deployedRuleSet } from "./deployed-rule-set";

export interface PromoteOptions {
  readonly from: string;
  readonly to: string;
  readonly yes: boolean;
  readonly cwd: string;
  readonly print: (text: string) => void;
  readonly printError: (text: string) => void;
}

/**
 * `cxone-routing promote <from> <to> [--yes]`: applies to <to> exactly the rule set <from> last
 * deployed (its recorded definitions and content hash), never the working tree's own edits.
 * 1. shows what differs between the two stacks' recorded rule sets;
 * 2. `pulumi preview --diff --stack <to>` with the rule set pinned: the program refuses any other,
 *    so a working tree that is not what <from> runs stops here, with what differs;
 * 3. with --yes, `pulumi up --stack <to>` with the same pin, then checks what <to> recorded.
 * Exit 0: plan shown, or applied and recorded; 1: refused, or the preview or up failed; 2: error.
 */
export async function promote(options: PromoteOptions): Promise<number> {
  const { from, to, cwd, print, printError } = options;
  const source = await deployedRuleSet(from, cwd);
  if (!source) throw new PromotionSourceError(from);
  const target = await deployedRuleSet(to, cwd);
  print(`== ${from} -> ${to}: rule set ${source.sha256.slice(0, 12)}`);
  print(formatDifferences(from, to, diffRuleSets(source.rules, target?.rules ?? [])));

  // The pin lives in a folder of its own for this run: nothing is kept in the project folder.
  const pinDir = mkdtempSync(path.join(os.tmpdir(), "cxone-promote-"));
  const pinFile = path.join(pinDir, "pin.json");
  writePin(pinFile, { from, sha256: source.sha256, rules: source.rules });
  const env = { [PROMOTION_PIN_ENV]: pinFile };
  try {
    const step = async (args: string[]): Promise<boolean> => {
      print(`\n== pulumi ${args.join(" ")} --stack ${to}`);
      const result = await runPulumiCli([...args, "--stack", to, "--non-interactive", "--suppress-outputs"], cwd, { env, echo: true });
      if (result.code === 0) return true;
      if (existsSync(refusalFile(pinFile))) printError(readFileSync(refusalFile(pinFile), "utf8"));
      else if (/no stack named|could not find stack/i.test(result.stderr + result.stdout)) throw stackCommandError(args, to, result);
      else printError(`pulumi ${args[0]} --stack ${to} failed (exit ${result.code}); nothing more was done. Its output is above.`);
      return false;
    };
    if (!(await step(["preview", "--diff"]))) return 1;
    if (!options.yes) {
      print(`\nThis is ${to}'s plan. Re-run with --yes to apply it.`);
      return 0;
    }
    if (!(await step(["up", "--yes"]))) return 1;
  } finally {
    rmSync(pinDir, { recursive: true, force: true });
  }
  const after = await deployedRuleSet(to, cwd);
  if (after?.sha256 === source.sha256) {
    print(`\n${to} now runs rule set ${source.sha256.slice(0, 12)}, as ${from} does.`);
    return 0;
  }
  printError(`\n${to} did not record rule set ${source.sha256.slice(0, 12)} (it records ${after?.sha256.slice(0, 12) ?? "none"}).`);
  return 1;
}
