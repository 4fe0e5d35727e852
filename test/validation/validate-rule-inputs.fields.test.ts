import { describe, expect, it } from "vitest";
import { validateRuleInputs } from "../../src/validation";
import { propertiesOf } from "./fixtures";
import { rule } from "../helpers/rules";

function failureFor(raw: Record<string, unknown>, property: string, options = {}): string | undefined {
  const result = validateRuleInputs(raw, options);
  return result.ok ? undefined : result.failures.find((failure) => failure.property === property)?.reason;
}

describe("validateRuleInputs: a valid rule", () => {
  it("passes", () => {
    expect(validateRuleInputs(rule())).toMatchObject({ ok: true });
  });
});

describe("validateRuleInputs: name", () => {
  it("is required", () => {
    expect(failureFor(rule({ name: undefined }), "name")).toBe("is required");
  });

  it("must not be empty or blank", () => {
    expect(failureFor(rule({ name: "" }), "name")).toBe("must not be empty");
    expect(failureFor(rule({ name: "   " }), "name")).toBe("must not be empty");
  });

  it("is at most 128 characters", () => {
    expect(validateRuleInputs(rule({ name: "n".repeat(128) })).ok).toBe(true);
    expect(failureFor(rule({ name: "n".repeat(129) }), "name")).toBe("must be at most 128 characters, got 129");
  });

  it("must be a string", () => {
    expect(failureFor(rule({ name: 42 }), "name")).toBe("must be a string, got 42");
  });
});

describe("validateRuleInputs: description", () => {
  it("is optional and at most 1024 characters", () => {
    expect(validateRuleInputs(rule({ description: undefined })).ok).toBe(true);
    expect(validateRuleInputs(rule({ description: "d".repeat(1024) })).ok).toBe(true);
    expect(failureFor(rule({ description: "d".repeat(1025) }), "description")).toBe("must be at most 1024 characters, got 1025");
  });
});

describe("validateRuleInputs: priority", () => {
  it.each([1, 5000, 10000])("accepts %d", (priority) => {
    expect(validateRuleInputs(rule({ priority })).ok).toBe(true);
  });

  it.each([
    [0, "must be an integer from 1 to 10000, got 0"],
    [10001, "must be an integer from 1 to 10000, got 10001"],
    [2.5, "must be an integer from 1 to 10000, got 2.5"],
    ["10", 'must be a number, got "10"'],
    [undefined, "is required"],
  ])("rejects %j", (priority, reason) => {
    expect(failureFor(rule({ priority }), "priority")).toBe(reason);
  });
});

describe("validateRuleInputs: enabled", () => {
  it("defaults to true", () => {
    const result = validateRuleInputs(rule({ enabled: undefined }));
    expect(result.ok && result.value.enabled).toBe(true);
  });

  it("must be a boolean", () => {
    expect(failureFor(rule({ enabled: "yes" }), "enabled")).toBe('must be true or false, got "yes"');
  });
});

describe("validateRuleInputs: interactionType", () => {
  it.each(["voice", "chat", "email", "sms", "social", "workitem"])("accepts the default type %s", (interactionType) => {
    expect(validateRuleInputs(rule({ interactionType })).ok).toBe(true);
  });

  it("rejects an unknown type and lists the known ones", () => {
    expect(failureFor(rule({ interactionType: "fax" }), "interactionType")).toBe(
      'must be one of voice, chat, email, sms, social or workitem, got "fax"',
    );
  });

  it.each([
    ["vioce", "voice"],
    ["Voice", "voice"],
    ["emial", "email"],
    ["workitems", "workitem"],
  ])("names the nearest allowed type for the typo %s", (typo, nearest) => {
    expect(failureFor(rule({ interactionType: typo }), "interactionType")).toBe(
      `must be one of voice, chat, email, sms, social or workitem, got "${typo}"; did you mean "${nearest}"?`,
    );
  });

  it("names the nearest operator and target type too", () => {
    const raw = rule({
      conditions: [{ field: "segment", operator: "equal", value: "vip" }],
      targets: [{ type: "queues", id: "q", weight: 100, capacity: 1 }],
    });
    expect(failureFor(raw, "conditions[0].operator")).toMatch(/, got "equal"; did you mean "equals"\?$/);
    expect(failureFor(raw, "targets[0].type")).toBe('must be one of queue, skill or agent, got "queues"; did you mean "queue"?');
  });

  it("uses the configured set when given", () => {
    const options = { interactionTypes: ["fax", "voice"] };
    expect(validateRuleInputs(rule({ interactionType: "fax" }), options).ok).toBe(true);
    expect(propertiesOf(validateRuleInputs(rule({ interactionType: "chat" }), options))).toEqual(["interactionType"]);
  });
});
