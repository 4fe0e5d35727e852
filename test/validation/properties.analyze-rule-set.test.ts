import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalyzableRule } from "../../src/validation";
import { analyzeRuleSet } from "../../src/validation";
import { findShadowedRules } from "../../src/validation/rule-overlap";

/**
 * Small random programs: keys r0..r(n-1) (plus awkward names), random fallbacks by name
 * (sometimes dangling), random fallbacks by id, conditions from a tiny vocabulary so that
 * subsets and ties are frequent.
 */
const programArb = fc
  .integer({ min: 1, max: 14 })
  .chain((n) => {
    const keys = Array.from({ length: n }, (_, i) => (i === 0 ? "constructor" : i === 1 ? "__proto__" : `r${i}`));
    const rule = (key: string, i: number) =>
      fc.record({
        key: fc.constant(key),
        name: fc.constant(`Rule ${i}`),
        priority: fc.integer({ min: 1, max: 6 }),
        enabled: fc.boolean(),
        interactionType: fc.constantFrom("voice", "chat"),
        conditions: fc.array(
          fc.record({
            field: fc.constantFrom("a", "b", "c"),
            operator: fc.constantFrom("equals", "contains"),
            value: fc.constantFrom(1, "1", true),
          }),
          { maxLength: 4 },
        ),
        fallback: fc.option(fc.oneof(fc.constantFrom(...keys), fc.constant("missing")), { nil: undefined }),
        fallbackRuleId: fc.option(fc.constantFrom(...keys.map((_, j) => `id-${j}`), "id-remote"), { nil: undefined }),
        id: fc.option(fc.constant(`id-${i}`), { nil: undefined }),
      });
    return fc.tuple(...keys.map(rule));
  })
  .map((rules) =>
    rules.map((rule) => {
      const clean: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(rule)) if (value !== undefined) clean[name] = value;
      return clean as unknown as AnalyzableRule;
    }),
  );

/** Successor keys by brute force: `fallback` by key and `fallbackRuleId` by id. */
function successors(rules: readonly AnalyzableRule[], rule: AnalyzableRule): string[] {
  const result = new Set<string>();
  if (rule.fallback !== undefined && rules.some((r) => r.key === rule.fallback)) result.add(rule.fallback);
  const byId = rules.find((r) => r.id !== undefined && r.id === rule.fallbackRuleId);
  if (byId) result.add(byId.key);
  return [...result];
}

function reachable(rules: readonly AnalyzableRule[], from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const key = stack.pop()!;
    for (const next of successors(rules, rules.find((r) => r.key === key)!)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

const conditionKey = (c: { field: string; operator: string; value: unknown }) => JSON.stringify([c.field, c.operator, c.value]);

describe("property: fallback cycles match a brute-force search", () => {
  it("reports one valid cycle per group of mutually reachable rules, covering every rule on a cycle", () => {
    fc.assert(
      fc.property(programArb, (rules) => {
        const cycles = analyzeRuleSet(rules).errors.filter((finding) => finding.code === "fallback_cycle");
        const onCycle = rules.filter((rule) => reachable(rules, rule.key).has(rule.key)).map((rule) => rule.key);
        const components = new Set(
          onCycle.map((key) =>
            JSON.stringify(onCycle.filter((other) => reachable(rules, key).has(other) && reachable(rules, other).has(key)).sort()),
          ),
        );
        expect(cycles).toHaveLength(components.size);
        for (const finding of cycles) {
          const path = finding.reason.replace(/^fallback cycle /, "").split(" -> ");
          expect(path[0]).toBe(finding.key);
          expect(path[path.length - 1]).toBe(finding.key);
          expect(new Set(path.slice(0, -1)).size).toBe(path.length - 1);
          for (let i = 0; i + 1 < path.length; i++) {
            expect(successors(rules, rules.find((r) => r.key === path[i])!)).toContain(path[i + 1]);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("finds no cycle when every fallback points to a later rule", () => {
    fc.assert(
      fc.property(programArb, (rules) => {
        const acyclic = rules.map((rule, i) => {
          const { fallback: _fallback, fallbackRuleId: _fallbackRuleId, ...rest } = rule;
          return i + 1 < rules.length && i % 2 === 0 ? { ...rest, fallback: rules[i + 1]!.key } : rest;
        });
        expect(analyzeRuleSet(acyclic).errors.filter((finding) => finding.code === "fallback_cycle")).toEqual([]);
      }),
    );
  });
});

describe("property: dangling fallbacks", () => {
  it("reports exactly the rules whose fallback names no rule", () => {
    fc.assert(
      fc.property(programArb, (rules) => {
        const expected = rules.filter((rule) => rule.fallback !== undefined && !rules.some((r) => r.key === rule.fallback));
        const reported = analyzeRuleSet(rules).errors.filter((finding) => finding.code === "fallback_missing");
        expect(reported.map((finding) => finding.key)).toEqual(expected.map((rule) => rule.key));
      }),
    );
  });
});

describe("property: shadowing matches the quadratic definition", () => {
  it("finds the same shadowed rules and the same earliest shadowing rule", () => {
    fc.assert(
      fc.property(programArb, (rules) => {
        const expected: Array<{ shadowed: number; by: number }> = [];
        rules.forEach((b, bi) => {
          if (!b.enabled) return;
          const bSet = new Set(b.conditions.map(conditionKey));
          let best = -1;
          rules.forEach((a, ai) => {
            if (!a.enabled || a.interactionType !== b.interactionType || !(a.priority < b.priority)) return;
            if (!a.conditions.every((c) => bSet.has(conditionKey(c)))) return;
            const earlier = best === -1 || a.priority < rules[best]!.priority || (a.priority === rules[best]!.priority && ai < best);
            if (earlier) best = ai;
          });
          if (best !== -1) expected.push({ shadowed: bi, by: best });
        });
        expect(findShadowedRules(rules)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("property: chain depth matches the longest path", () => {
  it("warns exactly for chain starts deeper than the limit in acyclic programs", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 4 }), (links, limit) => {
        // Each rule falls back to a later rule or to none: always acyclic.
        const rules: AnalyzableRule[] = links.map((link, i) => {
          const span = links.length - i - 1;
          const target = span > 0 && link % 3 !== 0 ? i + 1 + (link % span) : -1;
          return {
            key: `r${i}`,
            name: `r${i}`,
            priority: i + 1,
            enabled: true,
            interactionType: "voice",
            conditions: [{ field: "n", operator: "equals", value: i }],
            ...(target >= 0 ? { fallback: `r${target}` } : {}),
          };
        });
        const depth = (i: number): number => (rules[i]!.fallback ? 1 + depth(Number(rules[i]!.fallback!.slice(1))) : 0);
        const hasPredecessor = (i: number) => rules.some((rule) => rule.fallback === `r${i}`);
        const expected = rules.filter((_, i) => depth(i) > limit && !hasPredecessor(i)).map((rule) => rule.key);
        const reported = analyzeRuleSet(rules, { maxChainDepth: limit }).warnings.filter(
          (finding) => finding.code === "fallback_chain_too_deep",
        );
        expect(reported.map((finding) => finding.key)).toEqual(expected);
      }),
    );
  });
});

describe("property: the analysis never throws", () => {
  it("handles arbitrary small programs", () => {
    fc.assert(
      fc.property(programArb, fc.integer({ min: 0, max: 3 }), (rules, maxChainDepth) => {
        expect(() => analyzeRuleSet(rules, { maxChainDepth })).not.toThrow();
      }),
    );
  });
});
