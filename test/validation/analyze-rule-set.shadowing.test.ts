import { describe, expect, it } from "vitest";
import { analyzeRuleSet } from "../../src/validation";
import { analyzable, eq } from "./fixtures";

function shadowed(rules: Parameters<typeof analyzeRuleSet>[0]) {
  return analyzeRuleSet(rules).warnings.filter((finding) => finding.code === "shadowed_rule");
}

describe("analyzeRuleSet: rules that can never match", () => {
  it("warns when an earlier rule's conditions are a subset of a later rule's", () => {
    const rules = [
      analyzable("vip", { priority: 1, conditions: [eq("segment", "vip")] }),
      analyzable("vip-spanish", { priority: 2, conditions: [eq("language", "es"), eq("segment", "vip")] }),
    ];
    expect(shadowed(rules)).toEqual([
      {
        key: "vip-spanish",
        field: "conditions",
        reason:
          'rule can never match: "vip" (priority 1) is evaluated first and matches everything this rule matches (its conditions are a subset of this rule\'s)',
        code: "shadowed_rule",
      },
    ]);
  });

  it("treats a rule without conditions as shadowing every later rule of its type", () => {
    const rules = [
      analyzable("catch-all", { priority: 1 }),
      analyzable("vip", { priority: 2, conditions: [eq("segment", "vip")] }),
      analyzable("chat-vip", { priority: 3, interactionType: "chat", conditions: [eq("segment", "vip")] }),
    ];
    const findings = shadowed(rules);
    expect(findings.map((finding) => finding.key)).toEqual(["vip"]);
    expect(findings[0]!.reason).toMatch(/it has no conditions, so it matches every voice interaction/);
  });

  it('compares the value\'s JSON, so 1 and "1" differ', () => {
    const rules = [
      analyzable("a", { priority: 1, conditions: [eq("x", 1)] }),
      analyzable("b", { priority: 2, conditions: [eq("x", "1")] }),
    ];
    expect(shadowed(rules)).toEqual([]);
  });

  it("compares operators too and ignores conditionGroupId", () => {
    const rules = [
      analyzable("a", { priority: 1, conditions: [{ field: "x", operator: "contains", value: "v", conditionGroupId: "g1" }] }),
      analyzable("b", { priority: 2, conditions: [{ field: "x", operator: "equals", value: "v" }] }),
      analyzable("c", { priority: 3, conditions: [{ field: "x", operator: "contains", value: "v", conditionGroupId: "g2" }] }),
    ];
    expect(shadowed(rules).map((finding) => finding.key)).toEqual(["c"]);
  });

  it("ignores disabled rules on both sides and later-or-equal priorities", () => {
    const rules = [
      analyzable("off", { priority: 1, enabled: false }),
      analyzable("b", { priority: 5, conditions: [eq("x", 1), eq("y", 2)] }),
      analyzable("c", { priority: 5, conditions: [eq("x", 1), eq("y", 2)] }),
      analyzable("d", { priority: 9, enabled: false, conditions: [eq("x", 1), eq("y", 2)] }),
      analyzable("e", { priority: 4, conditions: [eq("x", 1), eq("y", 2), eq("z", 3)] }),
    ];
    expect(shadowed(rules)).toEqual([]);
  });

  it("names the earliest-evaluated shadowing rule", () => {
    const rules = [
      analyzable("broad", { priority: 3, conditions: [eq("x", 1)] }),
      analyzable("broadest", { priority: 2 }),
      analyzable("narrow", { priority: 9, conditions: [eq("x", 1), eq("y", 1)] }),
    ];
    const reasons = shadowed(rules).map((finding) => `${finding.key}<-${finding.reason.split('"')[1]}`);
    expect(reasons).toEqual(["broad<-broadest", "narrow<-broadest"]);
  });

  it("treats repeated conditions as one", () => {
    const rules = [
      analyzable("a", { priority: 1, conditions: [eq("x", 1), eq("x", 1)] }),
      analyzable("b", { priority: 2, conditions: [eq("x", 1)] }),
    ];
    expect(shadowed(rules).map((finding) => finding.key)).toEqual(["b"]);
  });
});
