import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateRuleInputs } from "../../src/validation";
import type { RuleRecord } from "./arbitraries";
import { validConditionArb, validRuleArb } from "./arbitraries";
import { propertiesOf } from "./fixtures";

/**
 * One targeted mutation of a valid rule: it returns the broken rule and the only property
 * path that must be reported, or null when the mutation does not apply to this rule.
 */
type Mutation = (rule: RuleRecord, pick: number) => { rule: RuleRecord; property: string; options?: object } | null;

const clone = (rule: RuleRecord): RuleRecord => structuredClone(rule);

const mutations: Record<string, Mutation> = {
  "weight out of range": (rule, pick) => {
    if (rule.targets.length === 0) return null;
    const i = pick % rule.targets.length;
    const broken = clone(rule);
    broken.targets[i]!.weight = pick % 2 === 0 ? 101 : -1;
    return { rule: broken, property: `targets[${i}].weight` };
  },
  "weights not summing to 100": (rule, pick) => {
    if (rule.targets.length === 0) return null;
    const i = pick % rule.targets.length;
    const broken = clone(rule);
    const weight = broken.targets[i]!.weight as number;
    broken.targets[i]!.weight = weight < 100 ? weight + 1 : weight - 1;
    return { rule: broken, property: "targets[..].weight" };
  },
  "non-integer capacity": (rule, pick) => {
    if (rule.targets.length === 0) return null;
    const i = pick % rule.targets.length;
    const broken = clone(rule);
    broken.targets[i]!.capacity = -1 - (pick % 5);
    return { rule: broken, property: `targets[${i}].capacity` };
  },
  "unknown target type": (rule, pick) => {
    if (rule.targets.length === 0) return null;
    const i = pick % rule.targets.length;
    const broken = clone(rule);
    broken.targets[i]!.type = "pager";
    return { rule: broken, property: `targets[${i}].type` };
  },
  "empty target id": (rule, pick) => {
    if (rule.targets.length === 0) return null;
    const i = pick % rule.targets.length;
    const broken = clone(rule);
    broken.targets[i]!.id = "";
    return { rule: broken, property: `targets[${i}].id` };
  },
  "bad operator": (rule, pick) => {
    if (!rule.conditions?.length) return null;
    const i = pick % rule.conditions.length;
    const broken = clone(rule);
    broken.conditions![i]!.operator = ["like", "EQUALS", "", "between"][pick % 4];
    return { rule: broken, property: `conditions[${i}].operator` };
  },
  "wrong value type": (rule, pick) => {
    if (!rule.conditions?.length) return null;
    const i = pick % rule.conditions.length;
    const broken = clone(rule);
    const condition = broken.conditions![i]!;
    const operator = condition.operator as string;
    condition.value = ["greaterThan", "lessThan"].includes(operator)
      ? "12"
      : ["equals", "notEquals"].includes(operator)
        ? [null, { a: 1 }, [1]][pick % 3]
        : pick;
    return { rule: broken, property: `conditions[${i}].value` };
  },
  "empty field": (rule, pick) => {
    if (!rule.conditions?.length) return null;
    const i = pick % rule.conditions.length;
    const broken = clone(rule);
    broken.conditions![i]!.field = pick % 2 === 0 ? "" : "   ";
    return { rule: broken, property: `conditions[${i}].field` };
  },
  "bad regex": (rule, pick) => {
    const broken = clone(rule);
    const conditions = broken.conditions ?? [];
    const i = conditions.length === 0 ? 0 : pick % conditions.length;
    conditions[i] = { field: "ani", operator: "matchesRegex", value: ["(", "[a-", "(a+)+", "(a|a)*", "(.*)*", "(\\w+\\s?)*$"][pick % 6] };
    broken.conditions = conditions;
    return { rule: broken, property: `conditions[${i}].value` };
  },
  "too many conditions": (rule, pick) => {
    const broken = clone(rule);
    const extra = 11 + (pick % 5);
    broken.conditions = Array.from({ length: extra }, (_, k) => ({ field: `f${k}`, operator: "equals", value: k }));
    return { rule: broken, property: "conditions" };
  },
  "self fallback": (rule) => {
    const broken = clone(rule);
    delete broken.fallbackRuleId;
    broken.fallback = "this-rule";
    return { rule: broken, property: "fallback", options: { logicalName: "this-rule" } };
  },
  "priority out of range": (rule, pick) => {
    const broken = clone(rule);
    broken.priority = [0, -5, 10_001, 1.5][pick % 4];
    return { rule: broken, property: "priority" };
  },
  "name too long": (rule, pick) => {
    const broken = clone(rule);
    broken.name = "n".repeat(129 + (pick % 10));
    return { rule: broken, property: "name" };
  },
  "unknown interaction type": (rule) => {
    const broken = clone(rule);
    broken.interactionType = "fax";
    return { rule: broken, property: "interactionType" };
  },
  "routes nowhere": (rule) => {
    const broken = clone(rule);
    delete broken.fallback;
    delete broken.fallbackRuleId;
    broken.targets = [];
    return { rule: broken, property: "targets" };
  },
  "both fallbacks": (rule) => {
    const broken = clone(rule);
    broken.fallback = "general";
    broken.fallbackRuleId = "rule-1";
    return { rule: broken, property: "fallback" };
  },
};

describe("property: valid rules pass", () => {
  it("accepts every generated valid rule and normalizes it idempotently", () => {
    fc.assert(
      fc.property(validRuleArb, (rule) => {
        const result = validateRuleInputs(rule);
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expect(validateRuleInputs(result.value)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same value whatever the order of targets", () => {
    fc.assert(
      fc.property(validRuleArb, (rule) => {
        const reversed = { ...rule, targets: [...rule.targets].reverse() };
        expect(validateRuleInputs(reversed)).toEqual(validateRuleInputs(rule));
      }),
    );
  });
});

describe("property: one targeted mutation fails with the right field path", () => {
  for (const [name, mutate] of Object.entries(mutations)) {
    it(name, () => {
      fc.assert(
        fc.property(validRuleArb, fc.nat(), (rule, pick) => {
          const mutated = mutate(rule as RuleRecord, pick);
          fc.pre(mutated !== null);
          const result = validateRuleInputs(mutated!.rule, mutated!.options);
          expect(new Set(propertiesOf(result))).toEqual(new Set([mutated!.property]));
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("property: arbitrary input never throws", () => {
  it("judges any JSON-like value without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = validateRuleInputs(raw);
        if (!result.ok) {
          expect(result.failures.length).toBeGreaterThan(0);
          for (const failure of result.failures) {
            expect(typeof failure.property).toBe("string");
            expect(failure.reason.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("judges rule-shaped objects with arbitrary field values without throwing", () => {
    const anyRuleShape = fc.record(
      {
        name: fc.anything(),
        priority: fc.anything(),
        enabled: fc.anything(),
        interactionType: fc.anything(),
        conditions: fc.oneof(
          fc.anything(),
          fc.array(fc.oneof(validConditionArb, fc.dictionary(fc.constantFrom("field", "operator", "value"), fc.anything()))),
        ),
        targets: fc.oneof(fc.anything(), fc.array(fc.dictionary(fc.constantFrom("type", "id", "weight", "capacity"), fc.anything()))),
        fallback: fc.anything(),
        fallbackRuleId: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(anyRuleShape, fc.string(), (raw, logicalName) => {
        expect(() => validateRuleInputs(raw, { logicalName, ruleId: logicalName })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
