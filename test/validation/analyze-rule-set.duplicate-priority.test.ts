import { describe, expect, it } from "vitest";
import { analyzeRuleSet } from "../../src/validation";
import { analyzable, eq } from "./fixtures";

describe("analyzeRuleSet: duplicate priorities", () => {
  it("warns every rule sharing a priority within one interaction type", () => {
    const rules = [
      analyzable("a", { priority: 10, conditions: [eq("x", 1)] }),
      analyzable("b", { priority: 10, conditions: [eq("x", 2)] }),
      analyzable("c", { priority: 20, conditions: [eq("x", 3)] }),
    ];
    const { errors, warnings } = analyzeRuleSet(rules);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        key: "a",
        field: "priority",
        reason: 'priority 10 is also used by "b" for voice interactions; the order between rules with equal priority is undefined',
        code: "duplicate_priority",
      },
      {
        key: "b",
        field: "priority",
        reason: 'priority 10 is also used by "a" for voice interactions; the order between rules with equal priority is undefined',
        code: "duplicate_priority",
      },
    ]);
  });

  it("allows equal priorities in different interaction types", () => {
    const rules = [analyzable("a", { priority: 10 }), analyzable("b", { priority: 10, interactionType: "chat" })];
    expect(analyzeRuleSet(rules).warnings).toEqual([]);
  });

  it("names at most three other rules", () => {
    const rules = ["a", "b", "c", "d", "e", "f"].map((key, i) => analyzable(key, { priority: 5, conditions: [eq("x", i)] }));
    expect(analyzeRuleSet(rules).warnings[0]!.reason).toBe(
      'priority 5 is also used by "b", "c", "d" and 2 more for voice interactions; the order between rules with equal priority is undefined',
    );
  });
});
