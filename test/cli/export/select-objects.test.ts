import { describe, expect, it } from "vitest";
import { selectObjects } from "../../../src/cli/export/select-objects";

const rules = [
  { id: "a", name: "VIP", interactionType: "voice", fallbackRuleId: "b" },
  { id: "b", name: "Overflow", interactionType: "voice", fallbackRuleId: "c" },
  { id: "c", name: "General Chat", interactionType: "chat" },
  { id: "d", name: "Billing", interactionType: "voice" },
];
const hooks = [{ id: "w", name: "Sync" }];

describe("export filters", () => {
  it("keep names and types, and pull in the fallbacks of kept rules down the chain", () => {
    const s = selectObjects(rules, hooks, { include: ["VIP"], types: ["voice"] });
    expect(s.rules.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(s.pulledIn.map((p) => [p.rule.id, p.by])).toEqual([
      ["b", "VIP"],
      ["c", "Overflow"],
    ]);
    expect(s.outside).toEqual([]);
    expect(s.webhooks).toEqual([]);
  });

  it("keep a fallback to a left-out rule as its id when told not to follow fallbacks", () => {
    const s = selectObjects(rules, hooks, { excludeTypes: ["chat"], exclude: ["Bill*"], followFallbacks: false });
    expect(s.rules.map((r) => r.id)).toEqual(["a", "b"]);
    expect(s.outside.map((o) => [o.rule.id, o.fallbackRuleId, o.fallbackName])).toEqual([["b", "c", "General Chat"]]);
    expect(s.webhooks.map((w) => w.id)).toEqual(["w"]);
  });
});
