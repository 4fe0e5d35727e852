import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, validateRuleInputs } from "../../src/validation";
import { rule } from "../helpers/rules";

function reasons(result: ReturnType<typeof validateRuleInputs>): string[] {
  return result.ok ? [] : result.failures.map((failure) => `${failure.property}: ${failure.reason}`);
}

describe("validateRuleInputs: fallback and fallbackRuleId", () => {
  it("accepts either one", () => {
    expect(validateRuleInputs(rule({ fallback: "general" })).ok).toBe(true);
    expect(validateRuleInputs(rule({ fallbackRuleId: "rule-123" })).ok).toBe(true);
  });

  it("rejects both at once", () => {
    expect(reasons(validateRuleInputs(rule({ fallback: "general", fallbackRuleId: "rule-123" })))).toEqual([
      "fallback: set either fallback (another rule in this program) or fallbackRuleId (the id of a rule in CXone), not both",
    ]);
  });

  it("rejects empty values", () => {
    expect(reasons(validateRuleInputs(rule({ fallback: "" })))).toEqual(["fallback: must not be empty"]);
    expect(reasons(validateRuleInputs(rule({ fallbackRuleId: "" })))).toEqual(["fallbackRuleId: must not be empty"]);
  });

  it("accepts Pulumi's unknown placeholder as fallbackRuleId", () => {
    const result = validateRuleInputs(rule({ fallbackRuleId: UNKNOWN_PLACEHOLDER }), { ruleId: "rule-1" });
    expect(result).toMatchObject({ ok: true, value: { fallbackRuleId: UNKNOWN_PLACEHOLDER } });
  });
});

describe("validateRuleInputs: a rule does not fall back to itself", () => {
  it("by logical name", () => {
    expect(reasons(validateRuleInputs(rule({ fallback: "vip" }), { logicalName: "vip" }))).toEqual([
      'fallback: rule "vip" cannot fall back to itself',
    ]);
    expect(validateRuleInputs(rule({ fallback: "general" }), { logicalName: "vip" }).ok).toBe(true);
  });

  it("by CXone id", () => {
    expect(reasons(validateRuleInputs(rule({ fallbackRuleId: "rule-1" }), { ruleId: "rule-1" }))).toEqual([
      'fallbackRuleId: rule "rule-1" cannot fall back to itself',
    ]);
  });

  it("skips the id comparison while the own id is not known", () => {
    const result = validateRuleInputs(rule({ fallbackRuleId: UNKNOWN_PLACEHOLDER }), { ruleId: UNKNOWN_PLACEHOLDER });
    expect(result.ok).toBe(true);
  });
});
