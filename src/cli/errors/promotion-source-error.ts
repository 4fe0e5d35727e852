import { CxoneRoutingError } from "../../errors";

/** The source stack of a promotion records no rule set: nothing to promote. */
export class PromotionSourceError extends CxoneRoutingError {
  readonly code = "promotion_source_missing";
  constructor(from: string) {
    super(
      `promotion refused: stack "${from}" has no recorded rule set (stack outputs \`ruleSet\` and \`ruleSetSha256\`). ` +
        `Fix: deploy it first (\`pulumi up --stack ${from}\`); its program must export ` +
        "`export const { ruleSet, ruleSetSha256 } = promotableRuleSet(allRules);` (pulumi-cxone-routing).",
    );
  }
}
