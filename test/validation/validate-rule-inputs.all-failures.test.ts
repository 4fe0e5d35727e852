import { describe, expect, it } from "vitest";
import { InvalidOptionsError, formatCheckFailures, validateRuleInputs } from "../../src/validation";
import { propertiesOf } from "./fixtures";

describe("validateRuleInputs: every failure at once", () => {
  it("reports all failures of a resource in one result", () => {
    const result = validateRuleInputs(
      {
        name: "",
        priority: 0,
        interactionType: "fax",
        conditions: [
          { field: "", operator: "greaterThan", value: "x" },
          { field: "a", operator: "like", value: 1 },
        ],
        targets: [
          { type: "queue", id: "q1", weight: 30, capacity: 1 },
          { type: "queue", id: "q2", weight: 69, capacity: 1 },
        ],
        fallback: "other",
        fallbackRuleId: "rule-9",
      },
      { logicalName: "other" },
    );
    expect(propertiesOf(result)).toEqual([
      "name",
      "priority",
      "interactionType",
      "conditions[0].field",
      "conditions[0].value",
      "conditions[1].operator",
      "targets[..].weight",
      "fallback",
      "fallback",
    ]);
  });

  it("formats failures one a line", () => {
    const result = validateRuleInputs({ name: "x", priority: 0, interactionType: "voice", fallback: "y" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatCheckFailures(result.failures)).toBe("priority: must be an integer from 1 to 10000, got 0");
  });
});

describe("validateRuleInputs: inputs that are not an object", () => {
  it.each([null, undefined, 42, "rule", [], true])("fails cleanly for %j", (raw) => {
    const result = validateRuleInputs(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]!.property).toBe("");
    }
  });
});

describe("validateRuleInputs: options", () => {
  it.each([{ maxConditions: -1 }, { maxConditions: 1.5 }, { interactionTypes: [] }, { targetTypes: [""] }])(
    "throws InvalidOptionsError for %j",
    (options) => {
      expect(() => validateRuleInputs({}, options)).toThrow(InvalidOptionsError);
    },
  );

  it("gives the error a code", () => {
    expect(new InvalidOptionsError("x").code).toBe("invalid_validation_options");
  });
});
