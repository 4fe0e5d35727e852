import { describe, expect, it } from "vitest";
import { createRoutingEvaluator, crossTypeFallbacks } from "../../src/routing";
import { rule } from "./fixtures";

describe("crossTypeFallbacks", () => {
  it("reports a fallback chain that reaches a rule of another interaction type, with the path", () => {
    const evaluator = createRoutingEvaluator([
      rule("v1", { fallback: "v2" }),
      rule("v2", { fallback: "c1" }),
      rule("c1", { interactionType: "chat" }),
    ]);
    const findings = crossTypeFallbacks(evaluator);
    expect(findings.map((f) => f.key)).toEqual(["v1", "v2"]);
    expect(findings[0]).toMatchObject({ code: "fallback_crosses_type", field: "fallback" });
    expect(findings[0]!.reason).toContain("v1 (voice) -> v2 (voice) -> c1 (chat)");
  });
});
