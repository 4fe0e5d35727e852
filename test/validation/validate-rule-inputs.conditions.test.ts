import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, validateRuleInputs } from "../../src/validation";
import { propertiesOf } from "./fixtures";
import { rule } from "../helpers/rules";

function withCondition(condition: Record<string, unknown>) {
  return validateRuleInputs(rule({ conditions: [condition] }));
}

function reasonOf(result: ReturnType<typeof validateRuleInputs>, property: string): string | undefined {
  return result.ok ? undefined : result.failures.find((failure) => failure.property === property)?.reason;
}

describe("validateRuleInputs: condition operators", () => {
  it.each(["equals", "notEquals", "startsWith", "contains", "endsWith"])("accepts %s with a string", (operator) => {
    expect(withCondition({ field: "segment", operator, value: "vip" }).ok).toBe(true);
  });

  it("rejects an operator outside the matrix", () => {
    const result = withCondition({ field: "segment", operator: "like", value: "vip" });
    expect(propertiesOf(result)).toEqual(["conditions[0].operator"]);
    expect(reasonOf(result, "conditions[0].operator")).toMatch(/^must be one of equals, notEquals, .* or matchesRegex, got "like"$/);
  });
});

describe("validateRuleInputs: condition field", () => {
  it("is required and non-empty", () => {
    expect(propertiesOf(withCondition({ operator: "equals", value: 1 }))).toEqual(["conditions[0].field"]);
    expect(reasonOf(withCondition({ field: " ", operator: "equals", value: 1 }), "conditions[0].field")).toBe("must not be empty");
  });
});

describe("validateRuleInputs: condition value fits the operator", () => {
  it.each(["greaterThan", "lessThan"])("%s needs a number", (operator) => {
    expect(withCondition({ field: "wait", operator, value: 30 }).ok).toBe(true);
    expect(reasonOf(withCondition({ field: "wait", operator, value: "30" }), "conditions[0].value")).toBe(
      `operator ${operator} compares numbers, so the value must be a number, got "30"`,
    );
  });

  it.each(["startsWith", "contains", "endsWith", "matchesRegex"])("%s needs a string", (operator) => {
    expect(reasonOf(withCondition({ field: "ani", operator, value: 5 }), "conditions[0].value")).toBe(
      `operator ${operator} works on text, so the value must be a string, got 5`,
    );
  });

  it.each(["equals", "notEquals"])("%s takes a string, number or boolean", (operator) => {
    for (const value of ["vip", 3, true]) expect(withCondition({ field: "f", operator, value }).ok).toBe(true);
    for (const value of [null, [1], { a: 1 }]) {
      expect(reasonOf(withCondition({ field: "f", operator, value }), "conditions[0].value")).toMatch(
        /^must be a string, number or boolean, got /,
      );
    }
  });

  it("is required", () => {
    expect(reasonOf(withCondition({ field: "f", operator: "equals" }), "conditions[0].value")).toBe("is required");
  });

  it("accepts Pulumi's unknown placeholder for any operator", () => {
    expect(withCondition({ field: "wait", operator: "greaterThan", value: UNKNOWN_PLACEHOLDER }).ok).toBe(true);
  });
});

describe("validateRuleInputs: matchesRegex", () => {
  it("accepts a regular expression that compiles and is safe", () => {
    expect(withCondition({ field: "ani", operator: "matchesRegex", value: "^\\+1\\d{10}$" }).ok).toBe(true);
  });

  it("rejects a pattern that does not compile", () => {
    expect(reasonOf(withCondition({ field: "ani", operator: "matchesRegex", value: "([a-z" }), "conditions[0].value")).toMatch(
      /^is not a valid regular expression: /,
    );
  });

  it.each(["(a+)+", "(a*)*", "(a|a)*", "(.*)*"])("rejects %s as prone to catastrophic backtracking", (value) => {
    expect(reasonOf(withCondition({ field: "ani", operator: "matchesRegex", value }), "conditions[0].value")).toMatch(
      /^regular expression may cause catastrophic backtracking: /,
    );
  });
});

describe("validateRuleInputs: number of conditions", () => {
  const condition = { field: "f", operator: "equals", value: 1 };

  it("allows at most 10 by default", () => {
    expect(validateRuleInputs(rule({ conditions: Array(10).fill(condition) })).ok).toBe(true);
    const result = validateRuleInputs(rule({ conditions: Array(11).fill(condition) }));
    expect(propertiesOf(result)).toEqual(["conditions"]);
    expect(reasonOf(result, "conditions")).toBe("at most 10 conditions are allowed, got 11");
  });

  it("uses the configured limit", () => {
    const result = validateRuleInputs(rule({ conditions: Array(3).fill(condition) }), { maxConditions: 2 });
    expect(reasonOf(result, "conditions")).toBe("at most 2 conditions are allowed, got 3");
  });

  it("still checks each condition when there are too many", () => {
    const conditions = [...Array(11).fill(condition), { field: "", operator: "equals", value: 1 }];
    expect(propertiesOf(validateRuleInputs(rule({ conditions })))).toEqual(["conditions[11].field", "conditions"]);
  });

  it("may be empty (the rule matches every interaction of its type)", () => {
    expect(validateRuleInputs(rule({ conditions: [] })).ok).toBe(true);
    expect(validateRuleInputs(rule({ conditions: undefined })).ok).toBe(true);
  });
});

describe("validateRuleInputs: conditionGroupId", () => {
  it("is an optional non-empty string", () => {
    expect(withCondition({ field: "f", operator: "equals", value: 1, conditionGroupId: "g1" }).ok).toBe(true);
    expect(propertiesOf(withCondition({ field: "f", operator: "equals", value: 1, conditionGroupId: 7 }))).toEqual([
      "conditions[0].conditionGroupId",
    ]);
  });
});
