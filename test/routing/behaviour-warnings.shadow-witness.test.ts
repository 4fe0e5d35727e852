import { describe, expect, it } from "vitest";
import { createRoutingEvaluator, shadowWitness } from "../../src/routing";
import { rule } from "./fixtures";

describe("shadowWitness", () => {
  it("builds an interaction the shadowed rule matches and shows where it really goes", () => {
    const rules = [
      rule("broad", { priority: 10, conditions: [{ field: "segment", operator: "equals", value: "vip" }] }),
      rule("narrow", {
        priority: 20,
        conditions: [
          { field: "segment", operator: "equals", value: "vip" },
          { field: "wait", operator: "greaterThan", value: 30 },
        ],
      }),
    ];
    expect(shadowWitness(createRoutingEvaluator(rules), rules[1]!)).toBe(
      'witness: voice {"segment":"vip","wait":31} matches this rule but routes to rule "broad" (priority 10)',
    );
  });

  it("gives none for a regex condition it cannot satisfy directly", () => {
    const rules = [
      rule("a", { priority: 1 }),
      rule("b", { priority: 2, conditions: [{ field: "x", operator: "matchesRegex", value: "^a" }] }),
    ];
    expect(shadowWitness(createRoutingEvaluator(rules), rules[1]!)).toBeUndefined();
  });
});
