import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { KeyedDefinition } from "./rule-set-diff";

/**
 * `cxone-routing promote` runs `pulumi preview` and `pulumi up` of the target stack with this
 * variable naming a pin file: the rule set the source stack runs. The program (promotableRuleSet)
 * refuses any other, and writes why next to the pin, where the command reads it.
 */
export const PROMOTION_PIN_ENV = "CXONE_PROMOTION_PIN";

export interface PromotionPin {
  /** The source stack. */
  readonly from: string;
  readonly sha256: string;
  /** Its recorded definitions (output `ruleSet`), to name what differs on a refusal. */
  readonly rules: readonly KeyedDefinition[];
}

export function writePin(file: string, pin: PromotionPin): void {
  writeFileSync(file, `${JSON.stringify(pin)}\n`);
}

export function readPin(file: string): PromotionPin {
  return JSON.parse(readFileSync(file, "utf8")) as PromotionPin;
}

/** Where the program leaves its refusal for the command: beside the pin. */
export function refusalFile(pinFile: string): string {
  return path.join(path.dirname(pinFile), "refusal.txt");
}
