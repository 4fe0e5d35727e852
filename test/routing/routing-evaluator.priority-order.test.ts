import { describe, expect, it } from "vitest";
import { createRoutingEvaluator } from "../../src/routing";
import { rule } from "./fixtures";

describe("the first enabled rule of the interaction's type, in priority order, whose conditions all match", () => {
  const rules = [
    rule("general", { priority: 100 }),
    rule("vip-late", { priority: 50, conditions: [{ field: "segment", operator: "equals", value: "vip" }] }),
    rule("vip", { priority: 10, conditions: [{ field: "segment", operator: "equals", value: "vip" }] }),
    rule("off", { priority: 1, enabled: false }),
    rule("chat", { priority: 1, interactionType: "chat" }),
    rule("tie-a", { priority: 5, interactionType: "email" }),
    rule("tie-b", { priority: 5, interactionType: "email" }),
  ];
  const evaluator = createRoutingEvaluator(rules);

  it("lower priority numbers win; disabled rules and other types are skipped", () => {
    expect(evaluator.match({ interactionType: "voice", attributes: { segment: "vip" } })?.key).toBe("vip");
    expect(evaluator.match({ interactionType: "voice", attributes: { segment: "basic" } })?.key).toBe("general");
    expect(evaluator.match({ interactionType: "chat", attributes: {} })?.key).toBe("chat");
    expect(evaluator.match({ interactionType: "sms", attributes: {} })).toBeUndefined();
  });

  it("equal priorities keep the set's order (creation order in CXone)", () => {
    expect(evaluator.match({ interactionType: "email", attributes: {} })?.key).toBe("tie-a");
  });
});
