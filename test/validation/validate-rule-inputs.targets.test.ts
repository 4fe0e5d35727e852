import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, validateRuleInputs } from "../../src/validation";
import { propertiesOf } from "./fixtures";
import { rule } from "../helpers/rules";

function withTargets(targets: unknown, overrides: Record<string, unknown> = {}, options = {}) {
  return validateRuleInputs(rule({ targets, ...overrides }), options);
}

function reasons(result: ReturnType<typeof validateRuleInputs>): string[] {
  return result.ok ? [] : result.failures.map((failure) => `${failure.property}: ${failure.reason}`);
}

describe("validateRuleInputs: target fields", () => {
  it("checks type, id, weight and capacity of each target with its index", () => {
    const result = withTargets([
      { type: "queue", id: "q1", weight: 100, capacity: 5 },
      { type: "pager", id: "", weight: 0, capacity: -1 },
    ]);
    expect(reasons(result)).toEqual([
      'targets[1].type: must be one of queue, skill or agent, got "pager"',
      "targets[1].id: must not be empty",
      "targets[1].capacity: must be an integer >= 0, got -1",
    ]);
  });

  it.each([-1, 101, 50.5])("rejects weight %d", (weight) => {
    const result = withTargets([{ type: "queue", id: "q1", weight, capacity: 1 }]);
    expect(propertiesOf(result)).toEqual(["targets[0].weight"]);
  });

  it("requires every field", () => {
    expect(propertiesOf(withTargets([{}]))).toEqual(["targets[0].type", "targets[0].id", "targets[0].weight", "targets[0].capacity"]);
  });

  it("uses the configured target types", () => {
    const targets = [{ type: "team", id: "t1", weight: 100, capacity: 1 }];
    expect(withTargets(targets, {}, { targetTypes: ["team"] }).ok).toBe(true);
    expect(propertiesOf(withTargets(targets))).toEqual(["targets[0].type"]);
  });
});

describe("validateRuleInputs: target weights", () => {
  it("must sum to exactly 100, with the addition shown", () => {
    const result = withTargets([
      { type: "queue", id: "q1", weight: 30, capacity: 1 },
      { type: "queue", id: "q2", weight: 69, capacity: 1 },
    ]);
    expect(reasons(result)).toEqual(["targets[..].weight: target weights must sum to exactly 100, got 99 (30 + 69)"]);
  });

  it("are not summed while a single weight is invalid (that failure is reported instead)", () => {
    const result = withTargets([
      { type: "queue", id: "q1", weight: 30, capacity: 1 },
      { type: "queue", id: "q2", weight: "70", capacity: 1 },
    ]);
    expect(propertiesOf(result)).toEqual(["targets[1].weight"]);
  });

  it("may include zero weights", () => {
    expect(
      withTargets([
        { type: "queue", id: "q1", weight: 100, capacity: 1 },
        { type: "agent", id: "a1", weight: 0, capacity: 0 },
      ]).ok,
    ).toBe(true);
  });
});

describe("validateRuleInputs: duplicate targets", () => {
  it("reports a target listed twice", () => {
    const result = withTargets([
      { type: "queue", id: "q1", weight: 50, capacity: 1 },
      { type: "queue", id: "q1", weight: 50, capacity: 1 },
    ]);
    expect(reasons(result)).toEqual(['targets[1]: duplicates targets[0] (queue "q1"); list each target once']);
  });

  it("does not compare ids that are not known yet", () => {
    const target = { type: "queue", id: UNKNOWN_PLACEHOLDER, weight: 50, capacity: 1 };
    expect(withTargets([target, target]).ok).toBe(true);
  });
});

describe("validateRuleInputs: a rule must route somewhere", () => {
  it("fails without targets and without a fallback", () => {
    expect(reasons(withTargets([]))).toEqual([
      "targets: a rule must route somewhere: add at least one target, or set fallback or fallbackRuleId",
    ]);
    expect(propertiesOf(withTargets(undefined))).toEqual(["targets"]);
  });

  it("passes without targets when a fallback is set", () => {
    expect(withTargets([], { fallback: "general" }).ok).toBe(true);
    expect(withTargets([], { fallbackRuleId: "rule-123" }).ok).toBe(true);
  });

  it("rejects targets that are not a list", () => {
    expect(reasons(withTargets("queue-1"))).toEqual(["targets: must be a list of targets"]);
  });
});
