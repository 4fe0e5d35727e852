import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeRuleSet, type AnalyzableRule } from "../../src/validation";
import { startSimulator, type RunningSimulator } from "../../src/simulator";

// The analysis calls a rule shadowed when an earlier rule (lower priority number) matches
// everything it matches. The simulator's router is the other reading of the same priority
// order: for any interaction, it must never pick a rule the analysis calls shadowed.

const FIELDS = ["segment", "language", "intent"] as const;
const VALUES = ["a", "b"] as const;

const ruleArb = fc.record({
  priority: fc.integer({ min: 1, max: 50 }),
  conditions: fc.uniqueArray(fc.record({ field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...VALUES) }), {
    maxLength: 3,
    selector: (c) => c.field,
  }),
});

describe("shadowed-rule analysis agrees with the simulator's routing order", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  it("the router never picks a rule the analysis calls shadowed, and lower priority numbers win", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(ruleArb, { minLength: 2, maxLength: 6, selector: (r) => r.priority }),
        fc.record({ segment: fc.constantFrom(...VALUES), language: fc.constantFrom(...VALUES), intent: fc.constantFrom(...VALUES) }),
        async (rules, attributes) => {
          await sim.admin.reset();
          const seeded = await sim.admin.seed({
            rules: rules.map((r, i) => ({
              name: `r${i}`,
              priority: r.priority,
              enabled: true,
              interactionType: "voice",
              conditions: r.conditions.map((c) => ({ field: c.field, operator: "equals", value: c.value })),
              targets: [{ type: "queue", id: `q${i}`, weight: 100, capacity: 1 }],
            })),
          });
          const analyzable: AnalyzableRule[] = rules.map((r, i) => ({
            key: `r${i}`,
            name: `r${i}`,
            priority: r.priority,
            enabled: true,
            interactionType: "voice",
            conditions: r.conditions.map((c) => ({ field: c.field, operator: "equals", value: c.value })),
          }));
          const shadowed = new Set(
            analyzeRuleSet(analyzable)
              .warnings.filter((w) => w.code === "shadowed_rule")
              .map((w) => w.key),
          );
          const routed = sim.admin.route({ interactionType: "voice", attributes });
          if (!routed) return;
          expect(shadowed.has(routed.ruleName)).toBe(false);
          const matching = analyzable.filter((r) => r.conditions.every((c) => attributes[c.field as keyof typeof attributes] === c.value));
          const first = matching.sort((a, b) => a.priority - b.priority)[0]!;
          expect(routed.ruleId).toBe(seeded.rules.find((r) => r.name === first.name)!.id);
        },
      ),
      { numRuns: 60 },
    );
  });
});
