import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, analyzeRuleSet } from "../../src/validation";
import { analyzable, distinctPriorities } from "./fixtures";

describe("analyzeRuleSet: fallbackRuleId edges to program rules", () => {
  it("joins the graph when it equals another program rule's known id", () => {
    const rules = [analyzable("vip", { id: "cx-1", fallbackRuleId: "cx-2" }), analyzable("overflow", { id: "cx-2", fallback: "vip" })];
    const { errors } = analyzeRuleSet(distinctPriorities(rules));
    expect(errors).toEqual([
      { key: "vip", field: "fallbackRuleId", reason: "fallback cycle vip -> overflow -> vip", code: "fallback_cycle" },
    ]);
  });

  it("is ignored while unknown or pointing outside the program", () => {
    const rules = [
      analyzable("a", { id: "cx-1", fallbackRuleId: UNKNOWN_PLACEHOLDER }),
      analyzable("b", { id: UNKNOWN_PLACEHOLDER, fallbackRuleId: "cx-remote" }),
      analyzable("c", { fallbackRuleId: undefined }),
    ];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors).toEqual([]);
  });

  it("does not treat the unknown placeholder as a shared id", () => {
    const rules = [
      analyzable("a", { id: UNKNOWN_PLACEHOLDER, fallbackRuleId: UNKNOWN_PLACEHOLDER }),
      analyzable("b", { id: UNKNOWN_PLACEHOLDER, fallbackRuleId: UNKNOWN_PLACEHOLDER }),
    ];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors).toEqual([]);
  });
});
