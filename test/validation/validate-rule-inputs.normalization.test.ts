import { describe, expect, it } from "vitest";
import { validateRuleInputs } from "../../src/validation";
import { rule } from "../helpers/rules";

function normalizedValue(raw: unknown) {
  const result = validateRuleInputs(raw);
  if (!result.ok) throw new Error(`expected valid inputs, got ${JSON.stringify(result.failures)}`);
  return result.value;
}

describe("validateRuleInputs: normalized value", () => {
  it("fills defaults and omits absent optionals", () => {
    const value = normalizedValue({
      name: "General",
      priority: 100,
      interactionType: "chat",
      targets: [{ type: "queue", id: "q", weight: 100, capacity: 0 }],
    });
    expect(value).toEqual({
      name: "General",
      priority: 100,
      enabled: true,
      interactionType: "chat",
      conditions: [],
      targets: [{ type: "queue", id: "q", weight: 100, capacity: 0 }],
    });
    expect(Object.keys(value)).not.toContain("description");
    expect(Object.keys(value)).not.toContain("fallbackRuleId");
  });

  it("sorts targets by type, then id, so their order never causes a diff", () => {
    const targets = [
      { type: "skill", id: "b", weight: 10, capacity: 1 },
      { type: "queue", id: "z", weight: 20, capacity: 1 },
      { type: "agent", id: "m", weight: 30, capacity: 1 },
      { type: "queue", id: "a", weight: 40, capacity: 1 },
    ];
    const forwards = normalizedValue(rule({ targets }));
    const backwards = normalizedValue(rule({ targets: [...targets].reverse() }));
    expect(forwards.targets.map((t) => `${t.type}/${t.id}`)).toEqual(["agent/m", "queue/a", "queue/z", "skill/b"]);
    expect(backwards).toEqual(forwards);
  });

  it("puts conditions in one order (they are ANDed), so a reorder is no change", () => {
    const conditions = [
      { field: "z", operator: "equals", value: 1 },
      { field: "a", operator: "contains", value: "x", conditionGroupId: "g" },
    ];
    expect(normalizedValue(rule({ conditions })).conditions).toEqual([conditions[1], conditions[0]]);
    expect(normalizedValue(rule({ conditions: [...conditions].reverse() })).conditions).toEqual([conditions[1], conditions[0]]);
  });

  it("strips properties it does not know, such as Pulumi's __provider", () => {
    const value = normalizedValue(rule({ __provider: "serialized", extra: 1 }));
    expect(value).not.toHaveProperty("__provider");
    expect(value).not.toHaveProperty("extra");
  });

  it("does not modify the raw inputs", () => {
    const raw = rule();
    const copy = structuredClone(raw);
    normalizedValue(raw);
    expect(raw).toEqual(copy);
  });
});
