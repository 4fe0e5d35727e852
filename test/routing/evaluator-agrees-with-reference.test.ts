import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoutingEvaluator, pickTarget, type EvaluableRule, type Interaction } from "../../src/routing";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { referencePick, referenceRoute, type ReferenceRule } from "../helpers/reference-router";

// The library's evaluator (used by the simulator, the routing tests, the impact report and
// explain) against an oracle that shares no code with it: random rule sets (every operator of
// the contract, text that reads as a number, regexes valid and not, disabled rules, two types,
// priority ties, fallbacks by key and by id, in and out of the set, weights of 0) and random
// interactions. The simulator's HTTP endpoint is held to the same oracle.

const TYPES = ["voice", "chat"] as const;
const OPERATORS = ["equals", "notEquals", "greaterThan", "lessThan", "startsWith", "contains", "endsWith", "matchesRegex"] as const;
/**
 * Values per attribute, few enough that conditions and interactions often meet. Booleans never
 * meet numbers, and no text is blank: the README leaves `true` against `1` open, and blank text
 * is the disagreement tested on its own below.
 */
const VALUES = {
  segment: ["vip", "VIP", "basic", "true", "false", true, false],
  wait: [-2, 0, -0, 1, 1.5, 7, 120, "120", "120.0", " 7 ", "7", "1e2", "-0", "abc"],
  lang: ["en-GB", "en", "es", "GB", "e"],
} as const;
type Field = keyof typeof VALUES;
const FIELDS = Object.keys(VALUES) as Field[];
/** Patterns per attribute: case matters, anchors or none, and invalid ones (which never match). */
const PATTERNS: Record<Field, string[]> = {
  segment: ["^v", "^V", "IP", "ru", "["],
  wait: ["\\d+", "^1", "^$", "0$", "("],
  lang: ["^(en|es)", "B$", "^E", ".*"],
};

const conditionArb = fc
  .constantFrom(...FIELDS)
  .chain((field) =>
    fc.record({
      field: fc.constant(field),
      operator: fc.constantFrom(...OPERATORS),
      value: fc.constantFrom<unknown>(...VALUES[field]),
      pattern: fc.constantFrom(...PATTERNS[field]),
    }),
  )
  .map(({ field, operator, value, pattern }) => ({ field, operator, value: operator === "matchesRegex" ? pattern : value }));

const targetArb = fc.record({
  type: fc.constant("queue"),
  id: fc.constantFrom("q1", "q2", "q3"),
  weight: fc.integer({ min: 0, max: 100 }),
});

/** A fallback: none, a key of the set (maybe its own), an id of the set, or an id outside it. */
const fallbackArb = fc.oneof(
  fc.constant({}),
  fc.nat(5).map((i) => ({ fallback: `k${i}` })),
  fc.nat(5).map((i) => ({ fallbackRuleId: `id-${i}` })),
  fc.constant({ fallbackRuleId: "id-outside" }),
);

const ruleSetArb = fc
  .array(
    fc.record({
      priority: fc.integer({ min: 1, max: 4 }),
      enabled: fc.boolean(),
      interactionType: fc.constantFrom(...TYPES),
      conditions: fc.array(conditionArb, { maxLength: 3 }),
      targets: fc.array(targetArb, { maxLength: 3 }),
      fallback: fallbackArb,
      hasId: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rules) =>
    rules.map(
      ({ fallback, hasId, ...fields }, i): ReferenceRule => ({
        key: `k${i}`,
        name: `rule ${i}`,
        ...fields,
        ...fallback,
        ...(hasId ? { id: `id-${i}` } : {}),
      }),
    ),
  );

const interactionArb = fc.record({
  interactionType: fc.constantFrom(...TYPES, "email"),
  attributes: fc.record(
    Object.fromEntries(FIELDS.map((field) => [field, fc.constantFrom<unknown>(...VALUES[field], null)])) as Record<
      Field,
      fc.Arbitrary<unknown>
    >,
    { requiredKeys: [] },
  ),
});

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** The library's decision in the oracle's terms. */
function libraryRoute(rules: EvaluableRule[], interaction: Interaction) {
  const decision = createRoutingEvaluator(rules).route(interaction);
  return {
    rule: decision.rule?.key,
    targets: decision.targets.map((target): [string, number] => [target.id, target.share]),
    fallbackChain: decision.fallbackChain.map((rule) => rule.key),
    fallbackExit: decision.fallbackExit,
    servedBy: decision.servedBy?.key,
  };
}

describe("the library evaluator agrees with an independent reference", () => {
  it("on the matched rule, its weighted targets and shares, the fallback chain, its exit and the serving rule", () => {
    fc.assert(
      fc.property(ruleSetArb, fc.array(interactionArb, { minLength: 1, maxLength: 5 }), (rules, interactions) => {
        const evaluator = createRoutingEvaluator(rules);
        for (const interaction of interactions) {
          const { servedBy, targets, ...expected } = referenceRoute(rules, interaction);
          const actual = libraryRoute(rules, interaction);
          expect(actual).toMatchObject({ ...expected, targets: targets.map(([id, share]) => [id, expect.closeTo(share, 12)]) });
          expect(actual.targets).toHaveLength(targets.length);
          // Where no rule of the set has weighted targets to serve, see the next test.
          if (servedBy !== undefined) expect(actual.servedBy).toBe(servedBy);
          // The fast path used on large corpora picks the same rule.
          expect(evaluator.match(interaction)?.key).toBe(expected.rule);
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Disagreement (reported on issue 22, not fixed here: src/ is out of this change's reach).
  // RouteDecision.servedBy is documented as "the rule whose targets serve the interaction". When
  // neither the matched rule nor its chain has a weighted target, the library answers undefined,
  // except when the chain leaves the set by a fallbackRuleId: then it names the matched rule,
  // whose targets serve nothing. Minimal case: one enabled voice rule "a" with no targets and
  // fallbackRuleId "id-outside"; routeInteraction(...).servedBy is "a", undefined without the fallback.
  it.fails("names no serving rule when no rule of the chain has weighted targets, even when the chain leaves the set", () => {
    fc.assert(
      fc.property(ruleSetArb, interactionArb, (rules, interaction) => {
        const expected = referenceRoute(rules, interaction);
        if (expected.rule !== undefined && expected.servedBy === undefined) {
          expect(libraryRoute(rules, interaction).servedBy).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  // Disagreement (reported on issue 22, not fixed here). The README: equals/notEquals "compare as
  // numbers when ... both convert to finite numbers", greaterThan/lessThan: "booleans, empty
  // strings and non-numeric text never match". The library reads blank text as the number 0
  // (JavaScript's Number("")): an empty attribute equals 0 and is not notEquals 0, and " " is
  // lessThan 1 while "" is not. The oracle holds blank text to be no number for every operator.
  // Minimal case: conditionMatches({ field: "wait", operator: "equals", value: 0 }, { wait: "" }) is true.
  it.fails("reads blank text as no number, for every numeric comparison", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("equals", "notEquals", "greaterThan", "lessThan"),
        fc.constantFrom(-1, 0, 1),
        fc.constantFrom("", " "),
        (operator, value, blank) => {
          const rules: ReferenceRule[] = [
            {
              key: "k",
              name: "k",
              priority: 1,
              enabled: true,
              interactionType: "voice",
              conditions: [{ field: "wait", operator, value }],
              targets: [],
            },
          ];
          const interaction = { interactionType: "voice", attributes: { wait: blank } };
          expect(libraryRoute(rules, interaction).rule).toBe(referenceRoute(rules, interaction).rule);
        },
      ),
    );
  });

  it("on the target a draw in [0, 1) selects", () => {
    fc.assert(
      fc.property(fc.array(targetArb, { maxLength: 4 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (targets, draw) => {
        const rule: ReferenceRule = { key: "k", name: "k", priority: 1, enabled: true, interactionType: "voice", conditions: [], targets };
        expect(pickTarget(rule, draw)?.id).toBe(referencePick(rule, draw));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the simulator's HTTP routing endpoint agrees with the same reference", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
  });
  afterAll(() => sim.close());

  it("on the matched rule, for rule sets the API accepts", async () => {
    await fc.assert(
      fc.asyncProperty(ruleSetArb, fc.array(interactionArb, { minLength: 1, maxLength: 5 }), async (rules, interactions) => {
        await sim.admin.reset();
        // The API takes only what it validates: weights that add up to 100, valid regexes, fallbacks by existing id only.
        const seeded = await sim.admin.seed({
          rules: rules.map(({ key, fallback: _fallback, fallbackRuleId: _id, id: _ownId, conditions, ...fields }) => ({
            ...fields,
            conditions: conditions.filter((condition) => condition.operator !== "matchesRegex" || isRegex(String(condition.value))),
            targets: [{ type: "queue", id: `q-${key}`, weight: 100, capacity: 1 }],
          })),
        });
        const tenant: ReferenceRule[] = seeded.rules.map((stored) => ({ ...stored, key: stored.id, targets: stored.targets }));
        for (const interaction of interactions) {
          const response = await fetch(`${sim.url}/_admin/route`, { method: "POST", body: JSON.stringify(interaction) });
          const served = (await response.json()) as { ruleId: string } | null;
          expect(served?.ruleId).toBe(referenceRoute(tenant, interaction).rule);
        }
      }),
      { numRuns: 80 },
    );
  });
});
