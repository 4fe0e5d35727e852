import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { analyzeRuleSet, validateRuleInputs, type AnalyzableRule } from "../../src/validation";
import { startHarness, URN, WEBHOOK_URN, type Harness } from "../helpers/provider-calls";

/**
 * Fuzz: hostile RoutingRule and Webhook inputs (wrong types, null, NaN, huge and unicode
 * strings, thousands of conditions, hostile regexes) through the providers' check() and the
 * stack-wide analysis. No exception escapes, every failure names its field, a secret is never
 * echoed, and screening a hostile regex never runs it.
 */

const HUGE = "x".repeat(200_000);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uD800",
    "💥".repeat(5000),
    HUGE,
    "__proto__",
    "constructor",
    "toString",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  ),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, 5e-324),
);

/** Regexes that backtrack badly, do not compile, or stress the parser. */
const HOSTILE_REGEXES = [
  "^\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*$",
  "^.*.*.*.*.*.*.*.*=$",
  "(a+)+$",
  "(a|a)*$",
  "(.*a){20}",
  "^(\\w+\\s?)*$",
  "(x+x+)+y",
  "[",
  "(",
  "\\",
  "(.*){1,32000}",
  // Long ones: refused for their length, or screened in linear time just under it.
  `${"(".repeat(2000)}a${")".repeat(2000)}`,
  `(${Array.from({ length: 3000 }, (_, i) => `k${i}`).join("|")})*`,
  Array.from({ length: 3000 }, (_, i) => `${String.fromCharCode(0x100 + i)}*`).join(""),
  `(${Array.from({ length: 180 }, (_, i) => `k${i}`).join("|")}|k0)*`,
  `${Array.from({ length: 450 }, (_, i) => `${String.fromCharCode(0x100 + i)}*`).join("")}\u0100*`,
];
/** Valid, odd, safe: they must not crash anything either. */
const ODD_REGEXES = ["a{99999}", "(?<=a)b", "\\k<x>", "(?:)", "[^]", "\\u{1F4A5}", "💥+"];
const hostileRegex = fc.oneof(
  fc.constantFrom(...HOSTILE_REGEXES, ...ODD_REGEXES),
  fc
    .array(fc.constantFrom("\\d*", ".*", "a+", "(a+)+", "(a|a)*", "[a-z]+", "\\w?", "x", "|", "(", ")", "{2,}", "\\", "$", "^"), {
      maxLength: 30,
    })
    .map((parts) => parts.join("")),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything() },
  { weight: 2, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
);

const conditionArb = fc.oneof(
  anyValue,
  fc.record(
    {
      field: fc.oneof(hostileString, anyValue),
      operator: fc.oneof(fc.constantFrom("equals", "matchesRegex", "greaterThan", "contains", "like"), anyValue),
      value: fc.oneof(hostileRegex, hostileString, hostileNumber, anyValue),
      conditionGroupId: anyValue,
    },
    { requiredKeys: [] },
  ),
  fc.record({ field: fc.constant("ani"), operator: fc.constant("matchesRegex"), value: hostileRegex }),
);
const targetArb = fc.oneof(
  anyValue,
  fc.record(
    {
      type: fc.oneof(fc.constantFrom("queue", "skill", "agent"), anyValue),
      id: fc.oneof(hostileString, anyValue),
      weight: fc.oneof(hostileNumber, anyValue),
      capacity: fc.oneof(hostileNumber, anyValue),
    },
    { requiredKeys: [] },
  ),
);

const ruleArb = fc.record(
  {
    name: fc.oneof(hostileString, anyValue),
    description: fc.oneof(hostileString, anyValue),
    priority: fc.oneof(hostileNumber, anyValue),
    enabled: anyValue,
    interactionType: fc.oneof(fc.constantFrom("voice", "chat", "VOICE"), anyValue),
    conditions: fc.oneof(fc.array(conditionArb, { maxLength: 12 }), anyValue),
    targets: fc.oneof(fc.array(targetArb, { maxLength: 6 }), anyValue),
    fallback: fc.oneof(hostileString, anyValue),
    fallbackRuleId: fc.oneof(hostileString, anyValue),
    conflictPolicy: fc.oneof(fc.constantFrom("fail", "overwrite"), anyValue),
    adoptId: anyValue,
    prioirty: anyValue,
  },
  { requiredKeys: [] },
);

const SECRET = "Zq-hostile-secret-value-0123456789";
const webhookArb = fc.record(
  {
    name: fc.oneof(hostileString, anyValue),
    enabled: anyValue,
    targetURL: fc.oneof(fc.constantFrom("https://h.example/x", "http://evil.example/", "javascript:alert(1)", "https://[::1"), anyValue),
    eventFilter: fc.oneof(fc.array(fc.oneof(fc.constantFrom("routing.rule.created"), anyValue), { maxLength: 5 }), anyValue),
    format: fc.oneof(fc.constant("json"), anyValue),
    secret: fc.oneof(fc.constant(SECRET), fc.constant(SECRET.slice(0, 10)), fc.constant({ value: SECRET }), fc.constant([SECRET])),
    secretToken: fc.constant(SECRET),
  },
  { requiredKeys: ["secret"] },
);

/** A failure names the input it is about and says why. */
function expectNamed(failures: readonly { property: string; reason: string }[]): void {
  for (const f of failures) {
    expect(typeof f.property).toBe("string");
    expect(f.property.length).toBeGreaterThan(0);
    expect(typeof f.reason).toBe("string");
    expect(f.reason.length).toBeGreaterThan(0);
  }
}

describe("fuzz: hostile inputs through the providers' check()", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("RoutingRule: never throws; every failure names its field", async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, fc.boolean(), async (rule, fresh) => {
        const result = await routingRuleProvider.check!(fresh ? {} : { name: "old" }, { __urn: URN, ...rule });
        expect(result.inputs).toBeTypeOf("object");
        expectNamed(result.failures ?? []);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("Webhook: never throws, every failure names its field, the secret is never echoed", async () => {
    await fc.assert(
      fc.asyncProperty(webhookArb, fc.boolean(), async (hook, fresh) => {
        const result = await webhookProvider.check!(fresh ? {} : { name: "old" }, { __urn: WEBHOOK_URN, ...hook });
        expectNamed(result.failures ?? []);
        if ((result.failures ?? []).length > 0) {
          expect(JSON.stringify(result)).not.toContain(SECRET.slice(0, 10));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("non-object inputs are one failure, not an exception", async () => {
    for (const news of [null, 7, "rule", [], Number.NaN]) {
      const result = await routingRuleProvider.check!({}, news as never);
      expect(result.failures?.length).toBeGreaterThan(0);
    }
  });
});

describe("fuzz: the stack-wide analysis", () => {
  it("validateRuleInputs and analyzeRuleSet never throw; findings name a rule of the set and a field", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), ruleArb), { maxLength: 12 }), (declared) => {
        const analyzable: AnalyzableRule[] = [];
        for (const [key, rule] of declared) {
          const checked = validateRuleInputs(rule, { logicalName: key });
          if (!checked.ok) {
            expectNamed(checked.failures);
            continue;
          }
          const v = checked.value;
          analyzable.push({
            key,
            name: v.name,
            priority: v.priority,
            enabled: v.enabled,
            interactionType: v.interactionType,
            conditions: v.conditions,
            ...(typeof rule.fallback === "string" ? { fallback: rule.fallback } : {}),
            ...(v.fallbackRuleId !== undefined ? { fallbackRuleId: v.fallbackRuleId } : {}),
          });
        }
        const keys = new Set(declared.map(([key]) => key));
        const analysis = analyzeRuleSet(analyzable);
        for (const finding of [...analysis.errors, ...analysis.warnings]) {
          expect(keys.has(finding.key)).toBe(true);
          expect(finding.field.length).toBeGreaterThan(0);
          expect(finding.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("thousands of conditions: judged (refused over maxConditions, analysed when allowed) without throwing", () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { minLength: 2000, maxLength: 4000 }), (conditions) => {
        const rule = {
          name: "many",
          priority: 1,
          interactionType: "voice",
          conditions,
          targets: [{ type: "queue", id: "q", weight: 100, capacity: 1 }],
        };
        const refused = validateRuleInputs(rule);
        expect(refused.ok).toBe(false);
        if (!refused.ok) expectNamed(refused.failures);
        const allowed = validateRuleInputs(rule, { maxConditions: 10_000 });
        if (!allowed.ok) expectNamed(allowed.failures);
      }),
      { numRuns: 5 },
    );
    // Valid conditions by the thousand, twice, through the analysis (shadowing compares them).
    const many = Array.from({ length: 3000 }, (_, i) => ({ field: `f${i % 50}`, operator: "equals", value: `v${i}` }));
    const rules: AnalyzableRule[] = [0, 1, 2].map((i) => ({
      key: `r${i}`,
      name: `r${i}`,
      priority: i,
      enabled: true,
      interactionType: "voice",
      conditions: i === 2 ? many.slice(0, 10) : many,
    }));
    expect(() => analyzeRuleSet(rules)).not.toThrow();
  });
});

describe("fuzz: one hostile regex costs the screen no backtracking", () => {
  it("check() never executes the program's pattern, and stays far under a second", () => {
    const execute = RegExp.prototype.exec;
    let calls = 0;
    let ranHostile = 0;
    const hostile = new Set(HOSTILE_REGEXES);
    RegExp.prototype.exec = function (this: RegExp, text: string) {
      calls++;
      if (hostile.has(this.source)) ranHostile++;
      return execute.call(this, text);
    };
    try {
      for (const pattern of HOSTILE_REGEXES) {
        calls = 0;
        const started = performance.now();
        const result = validateRuleInputs({
          name: "r",
          priority: 1,
          interactionType: "voice",
          conditions: [{ field: "ani", operator: "matchesRegex", value: pattern }],
          targets: [{ type: "queue", id: "q", weight: 100, capacity: 1 }],
        });
        const elapsed = performance.now() - started;
        expect(result.ok, pattern.slice(0, 40)).toBe(false);
        if (!result.ok) expect(result.failures.map((f) => f.property)).toContain("conditions[0].value");
        // The screen tests single-character classes against a fixed alphabet (~800 characters each):
        // bounded work whatever the pattern; the pattern itself is only compiled, never run.
        expect(calls, pattern.slice(0, 40)).toBeLessThan(1_000_000);
        expect(elapsed, pattern.slice(0, 40)).toBeLessThan(1000);
      }
      expect(ranHostile).toBe(0);
    } finally {
      RegExp.prototype.exec = execute;
    }
  });
});
