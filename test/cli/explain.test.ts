import { describe, expect, it } from "vitest";
import { evaluableRules, explainRoute, parseInteraction } from "../../src/cli/explain";

describe("cxone-routing explain", () => {
  it("prints the route rule by rule with why each earlier rule did not match", () => {
    const rules = evaluableRules([
      {
        id: "id-vip",
        fields: {
          name: "VIP",
          priority: 10,
          enabled: true,
          interactionType: "voice",
          conditions: [
            { field: "customerSegment", operator: "equals", value: "vip" },
            { field: "callDuration", operator: "lessThan", value: 120 },
          ],
          targets: [{ type: "queue", id: "q-vip", weight: 100, capacity: 1 }],
          fallbackRuleId: "id-general",
        },
      },
      { id: "id-off", fields: { name: "Off", priority: 20, enabled: false, interactionType: "voice", conditions: [], targets: [] } },
      {
        id: "id-general",
        fields: {
          name: "General",
          priority: 100,
          enabled: true,
          interactionType: "voice",
          conditions: [],
          targets: [
            { type: "queue", id: "q-gen", weight: 80, capacity: 1 },
            { type: "queue", id: "q-ovf", weight: 20, capacity: 1 },
          ],
        },
      },
    ]);
    const result = explainRoute(
      rules,
      parseInteraction('{"interactionType":"voice","attributes":{"customerSegment":"vip"}}'),
      "stack dev's tenant (3 rules)",
    );
    expect(result.matched).toBe(true);
    expect(result.text).toBe(
      [
        `voice {"customerSegment":"vip"} against stack dev's tenant (3 rules):`,
        '   1. priority    10  "VIP": no, callDuration lessThan 120 does not hold (attribute missing)',
        '   2. priority    20  "Off": skipped, disabled',
        '   3. priority   100  "General": MATCH (no conditions)',
        '  route: "General" -> queue q-gen 80%, queue q-ovf 20%',
        "  fallback chain: none",
      ].join("\n"),
    );
    // --json: the same facts for scripts.
    expect(result.json).toEqual({
      interaction: { interactionType: "voice", attributes: { customerSegment: "vip" } },
      source: "stack dev's tenant (3 rules)",
      matched: true,
      steps: [
        {
          rule: "VIP",
          id: "id-vip",
          priority: 10,
          outcome: "condition_failed",
          condition: { field: "callDuration", operator: "lessThan", value: 120 },
          actual: null,
        },
        { rule: "Off", id: "id-off", priority: 20, outcome: "disabled" },
        { rule: "General", id: "id-general", priority: 100, outcome: "matched" },
      ],
      route: {
        rule: { name: "General", id: "id-general" },
        targets: [
          { type: "queue", id: "q-gen", share: 0.8 },
          { type: "queue", id: "q-ovf", share: 0.2 },
        ],
        fallbackChain: [],
      },
    });
    expect(JSON.parse(JSON.stringify(result.json))).toEqual(result.json);
  });

  it("--json of an interaction no rule matches has route null", () => {
    const rules = evaluableRules([
      {
        id: "id-vip",
        fields: {
          name: "VIP",
          priority: 10,
          interactionType: "voice",
          conditions: [{ field: "s", operator: "equals", value: "vip" }],
          targets: [],
        },
      },
    ]);
    const result = explainRoute(rules, parseInteraction('{"interactionType":"voice","attributes":{"s":"basic"}}'), "x");
    expect(result.matched).toBe(false);
    expect(result.json.route).toBeNull();
    expect(result.json.steps).toEqual([
      {
        rule: "VIP",
        id: "id-vip",
        priority: 10,
        outcome: "condition_failed",
        condition: { field: "s", operator: "equals", value: "vip" },
        actual: "basic",
      },
    ]);
  });
});
