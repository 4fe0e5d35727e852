import { describe, expect, it } from "vitest";
import { createRoutingEvaluator } from "../../src/routing";
import { rule } from "./fixtures";

describe("explain", () => {
  it("lists each rule in order up to the match with the first condition that failed and the attribute given", () => {
    const evaluator = createRoutingEvaluator([
      rule("vip", {
        priority: 10,
        conditions: [
          { field: "segment", operator: "equals", value: "vip" },
          { field: "wait", operator: "lessThan", value: 120 },
        ],
      }),
      rule("off", { priority: 20, enabled: false }),
      rule("general", { priority: 100 }),
      rule("never", { priority: 200 }),
    ]);
    const verdicts = evaluator.explain({ interactionType: "voice", attributes: { segment: "vip", wait: 300 } });
    expect(verdicts.map((v) => [v.rule.key, v.outcome])).toEqual([
      ["vip", "condition_failed"],
      ["off", "disabled"],
      ["general", "matched"],
    ]);
    expect(verdicts[0]).toMatchObject({ condition: { field: "wait", operator: "lessThan", value: 120 }, actual: 300 });
  });
});
