import { writeFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { quietStack } from "../errors/quiet-stack";
import { PROMOTION_PIN_ENV, readPin, refusalFile } from "../promotion/promotion-pin";
import { diffRuleSets, formatDifferences, type KeyedDefinition } from "../promotion/rule-set-diff";
import { ruleSetHash } from "../promotion/rule-set-hash";

/** The stack outputs `cxone-routing promote` reads from the source stack. */
export interface PromotableRuleSet {
  /** The reviewed definitions this stack runs, as JSON (output `ruleSet`). */
  readonly ruleSet: string;
  /** Their content hash (output `ruleSetSha256`). */
  readonly ruleSetSha256: string;
}

/** The program holds another rule set than the one being promoted: nothing is written. */
export class PromotionRefusedError extends pulumi.RunError {
  readonly code = "promotion_refused";
  constructor(message: string) {
    super(message);
    this.name = "PromotionRefusedError";
    quietStack(this);
  }
}

/**
 * Declares the reviewed definitions (rules and webhooks in logical terms, each with a `key`) that
 * this program deploys. Export both fields as stack outputs:
 *
 *     export const { ruleSet, ruleSetSha256 } = promotableRuleSet(allRules);
 *
 * Under `cxone-routing promote <from> <to>` the program refuses to run with any rule set other than
 * the one <from> runs, so that an unreviewed edit in the working tree cannot ride along.
 */
export function promotableRuleSet(definitions: readonly KeyedDefinition[]): PromotableRuleSet {
  const sha256 = ruleSetHash(definitions);
  const pinFile = process.env[PROMOTION_PIN_ENV];
  if (pinFile) {
    const pin = readPin(pinFile);
    if (pin.sha256 !== sha256) {
      const message =
        `promotion refused: the working tree's rule set (${sha256.slice(0, 12)}) is not the one ${pin.from} runs (${pin.sha256.slice(0, 12)}).\n` +
        `${formatDifferences("working tree", pin.from, diffRuleSets(definitions, pin.rules))}\n` +
        `Fix: deploy the change to ${pin.from} first (pulumi up --stack ${pin.from}), or check out the commit ${pin.from} runs.`;
      writeFileSync(refusalFile(pinFile), message);
      // RunError: one clean message, no program text or stack trace.
      throw new PromotionRefusedError(message);
    }
  }
  return { ruleSet: JSON.stringify(definitions), ruleSetSha256: sha256 };
}
