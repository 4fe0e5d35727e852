import { describe, expect, it } from "vitest";
import { createRoutingEvaluator } from "../../src/routing";
import { rule } from "./fixtures";

describe("route: targets by weight and the fallback chain", () => {
  it("follows fallback keys and ids, stops before a repeat, and names an exit outside the set", () => {
    const evaluator = createRoutingEvaluator([
      rule("a", { priority: 1, targets: [], fallback: "b" }),
      rule("b", { priority: 2, id: "id-b", fallbackRuleId: "id-c" }),
      rule("c", { priority: 3, id: "id-c", fallbackRuleId: "id-outside" }),
    ]);
    const decision = evaluator.route({ interactionType: "voice", attributes: {} });
    expect(decision.rule?.key).toBe("a");
    expect(decision.fallbackChain.map((r) => r.key)).toEqual(["b", "c"]);
    expect(decision.fallbackExit).toBe("id-outside");
    // "a" has no targets: the first rule of the chain with targets serves it.
    expect(decision.servedBy?.key).toBe("b");
  });

  it("gives each weighted target its share", () => {
    const evaluator = createRoutingEvaluator([
      rule("a", {
        targets: [
          { type: "queue", id: "q1", weight: 70 },
          { type: "queue", id: "q2", weight: 30 },
          { type: "queue", id: "q3", weight: 0 },
        ],
        fallback: "a",
      }),
    ]);
    const decision = evaluator.route({ interactionType: "voice", attributes: {} });
    expect(decision.targets.map((t) => [t.id, t.share])).toEqual([
      ["q1", 0.7],
      ["q2", 0.3],
    ]);
    expect(decision.fallbackChain).toEqual([]);
  });
});
