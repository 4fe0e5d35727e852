import { describe, expect, it } from "vitest";
import { conditionMatches } from "../../src/routing";

describe("conditionMatches: every operator with the documented coercions", () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ["equals", "vip", "vip", true],
    ["equals", "120", 120, true],
    ["equals", "120.0", 120, true],
    ["equals", true, "true", true],
    ["equals", "VIP", "vip", false],
    ["notEquals", "vip", "basic", true],
    ["notEquals", "120", 120, false],
    ["greaterThan", 121, 120, true],
    ["greaterThan", "121", 120, true],
    ["greaterThan", "abc", 1, false],
    ["greaterThan", "", -1, false],
    ["greaterThan", true, 0, false],
    ["lessThan", "90", 120, true],
    ["lessThan", 120, 120, false],
    ["startsWith", "en-GB", "en", true],
    ["contains", "premium-gold", "gold", true],
    ["contains", 1234, 23, true],
    ["endsWith", "x@corp.com", "@corp.com", true],
    ["matchesRegex", "A-123", "^A-\\d+$", true],
    ["matchesRegex", "xA-1", "A-\\d", true],
    ["matchesRegex", "B-123", "^A-\\d+$", false],
    ["matchesRegex", "anything", "(", false],
  ];
  it.each(cases)("%s(%j, %j) is %s", (operator, actual, value, result) => {
    expect(conditionMatches({ field: "f", operator, value }, { f: actual })).toBe(result);
  });

  it("a missing or null attribute satisfies only notEquals", () => {
    for (const attributes of [{}, { f: null }]) {
      expect(conditionMatches({ field: "f", operator: "equals", value: "x" }, attributes)).toBe(false);
      expect(conditionMatches({ field: "f", operator: "lessThan", value: 5 }, attributes)).toBe(false);
      expect(conditionMatches({ field: "f", operator: "notEquals", value: "x" }, attributes)).toBe(true);
    }
  });
});
