import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoutingEvaluator, type EvaluableRule } from "../../src/routing";
import { startSimulator, type RunningSimulator } from "../../src/simulator";

// The library's evaluator is the contract; the simulator's HTTP routing endpoint must serve it
// exactly: same rule for random rule sets (every operator, coercions, regex, disabled rules,
// several types, priority ties) and random interactions.

const FIELDS = ["segment", "wait", "lang"] as const;
const TYPES = ["voice", "chat"] as const;
const scalar = fc.oneof(
  fc.constantFrom("vip", "basic", "en-GB", "es", "120", "7", "", "true"),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
);

const conditionArb = fc.oneof(
  fc.record({ field: fc.constantFrom(...FIELDS), operator: fc.constantFrom("equals", "notEquals"), value: scalar }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constantFrom("greaterThan", "lessThan"),
    value: fc.integer({ min: -5, max: 200 }),
  }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constantFrom("startsWith", "contains", "endsWith"),
    value: fc.constantFrom("v", "en", "1", "s", "GB"),
  }),
  fc.record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constant("matchesRegex"),
    value: fc.constantFrom("^v", "\\d+", "^(en|es)", "B$"),
  }),
);

const ruleArb = fc.record({
  priority: fc.integer({ min: 1, max: 20 }),
  enabled: fc.boolean(),
  interactionType: fc.constantFrom(...TYPES),
  conditions: fc.array(conditionArb, { maxLength: 3 }),
});

const interactionArb = fc.record({
  interactionType: fc.constantFrom(...TYPES),
  attributes: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, fc.constant(null)), { maxKeys: 3 }),
});

describe("the library evaluator and the simulator's HTTP routing endpoint agree", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
  });
  afterAll(() => sim.close());

  it("on random rule sets and interactions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
        fc.array(interactionArb, { minLength: 1, maxLength: 5 }),
        async (rules, interactions) => {
          await sim.admin.reset();
          const seeded = await sim.admin.seed({
            rules: rules.map((r, i) => ({ name: `r${i}`, ...r, targets: [{ type: "queue", id: `q${i}`, weight: 100, capacity: 1 }] })),
          });
          const evaluable: EvaluableRule[] = seeded.rules.map((r) => ({
            key: r.id,
            id: r.id,
            name: r.name,
            priority: r.priority,
            enabled: r.enabled,
            interactionType: r.interactionType,
            conditions: r.conditions,
          }));
          const evaluator = createRoutingEvaluator(evaluable);
          for (const interaction of interactions) {
            const response = await fetch(`${sim.url}/_admin/route`, { method: "POST", body: JSON.stringify(interaction) });
            const served = (await response.json()) as { ruleId: string } | null;
            expect(served?.ruleId ?? null).toBe(evaluator.match(interaction)?.key ?? null);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
