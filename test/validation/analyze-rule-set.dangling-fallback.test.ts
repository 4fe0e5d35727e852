import { describe, expect, it } from "vitest";
import { analyzeRuleSet } from "../../src/validation";
import { analyzable, distinctPriorities } from "./fixtures";

describe("analyzeRuleSet: fallback to a name that does not exist", () => {
  it("is an error with a suggestion when a rule name is close", () => {
    const rules = [analyzable("overflow"), analyzable("vip", { fallback: "overflw" })];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors).toEqual([
      {
        key: "vip",
        field: "fallback",
        reason: 'fallback "overflw" names no routing rule in this program; did you mean "overflow"?',
        code: "fallback_missing",
      },
    ]);
  });

  it("suggests regardless of letter case", () => {
    const rules = [analyzable("general"), analyzable("vip", { fallback: "General" })];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors[0]!.reason).toMatch(/did you mean "general"\?$/);
  });

  it("gives no suggestion when nothing is close", () => {
    const rules = [analyzable("overflow"), analyzable("vip", { fallback: "billing-after-hours" })];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors[0]!.reason).toBe(
      'fallback "billing-after-hours" names no routing rule in this program',
    );
  });
});
