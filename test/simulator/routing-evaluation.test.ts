import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { conditionMatches } from "../../src/simulator/routing-evaluation";
import type { ConditionOperator } from "../../src/simulator/vocabulary";
import { start } from "./helpers";
import { seedRule } from "../helpers/rules";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
beforeEach(async () => {
  await sim.admin.reset();
});
afterAll(async () => {
  await sim.close();
});

describe("admin route evaluation", () => {
  it("picks the matching rule with the lowest priority number first", async () => {
    await sim.admin.seed({
      rules: [
        seedRule({ id: "general", name: "general", priority: 100, conditions: [] }),
        seedRule({ id: "vip", name: "vip", priority: 10, conditions: [{ field: "segment", operator: "equals", value: "vip" }] }),
        seedRule({ id: "vip-late", name: "vip-late", priority: 50, conditions: [{ field: "segment", operator: "equals", value: "vip" }] }),
      ],
    });
    expect(sim.admin.route({ interactionType: "voice", attributes: { segment: "vip" } })).toEqual({ ruleId: "vip", ruleName: "vip" });
    expect(sim.admin.route({ interactionType: "voice", attributes: { segment: "basic" } })).toEqual({
      ruleId: "general",
      ruleName: "general",
    });
    expect(sim.admin.route({ interactionType: "chat", attributes: {} })).toBeNull();
  });

  it("skips disabled rules and follows out-of-band edits", async () => {
    await sim.admin.seed({
      rules: [seedRule({ id: "a", name: "a", priority: 1, conditions: [] }), seedRule({ id: "b", name: "b", priority: 2, conditions: [] })],
    });
    expect(sim.admin.route({ interactionType: "voice", attributes: {} })?.ruleId).toBe("a");
    await sim.admin.editRule("a", { enabled: false });
    expect(sim.admin.route({ interactionType: "voice", attributes: {} })?.ruleId).toBe("b");
  });

  it("is reachable over HTTP and answers null when nothing matches", async () => {
    await sim.admin.seed({
      rules: [seedRule({ id: "a", name: "a", conditions: [{ field: "lang", operator: "startsWith", value: "en" }] })],
    });
    const post = (body: unknown) => fetch(`${sim.url}/_admin/route`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post({ interactionType: "voice", attributes: { lang: "en-GB" } })).toEqual({ ruleId: "a", ruleName: "a" });
    expect(await post({ interactionType: "voice", attributes: { lang: "de" } })).toBeNull();
  });
});

describe("condition operators", () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ["equals", "vip", "vip", true],
    ["equals", "120", 120, true],
    ["notEquals", "vip", "basic", true],
    ["greaterThan", 121, 120, true],
    ["greaterThan", "abc", 1, false],
    ["lessThan", "90", 120, true],
    ["startsWith", "en-GB", "en", true],
    ["contains", "premium-gold", "gold", true],
    ["endsWith", "x@corp.com", "@corp.com", true],
    ["matchesRegex", "A-123", "^A-\\d+$", true],
    ["matchesRegex", "B-123", "^A-\\d+$", false],
  ];
  it.each(cases)("%s(%j, %j) is %s", (operator, actual, expected, result) => {
    expect(conditionMatches({ field: "f", operator: operator as ConditionOperator, value: expected }, { f: actual })).toBe(result);
  });

  it("treats a missing attribute as matching only notEquals", () => {
    expect(conditionMatches({ field: "f", operator: "equals", value: "x" }, {})).toBe(false);
    expect(conditionMatches({ field: "f", operator: "notEquals", value: "x" }, {})).toBe(true);
  });
});
