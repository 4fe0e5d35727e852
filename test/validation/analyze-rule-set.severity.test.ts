import { describe, expect, it } from "vitest";
import { InvalidOptionsError, analyzeRuleSet } from "../../src/validation";
import { analyzable, eq } from "./fixtures";

const program = [
  analyzable("a", { priority: 1, conditions: [eq("x", 1)] }),
  analyzable("b", { priority: 1, conditions: [eq("x", 2)] }),
  analyzable("c", { priority: 2, conditions: [eq("x", 1), eq("y", 1)], fallback: "d" }),
  analyzable("d", { priority: 3, conditions: [eq("z", 1)], fallback: "e" }),
  analyzable("e", { priority: 4, conditions: [eq("z", 2)] }),
];

function codes(findings: { code: string }[]): string[] {
  return [...new Set(findings.map((finding) => finding.code))].sort();
}

describe("analyzeRuleSet: severity options", () => {
  it("reports ties, shadowing and deep chains as warnings by default", () => {
    const result = analyzeRuleSet(program, { maxChainDepth: 1 });
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(["duplicate_priority", "fallback_chain_too_deep", "shadowed_rule"]);
  });

  it("raises each kind to an error on request", () => {
    expect(codes(analyzeRuleSet(program, { maxChainDepth: 1, severity: { duplicatePriority: "error" } }).errors)).toEqual([
      "duplicate_priority",
    ]);
    expect(codes(analyzeRuleSet(program, { maxChainDepth: 1, severity: { shadowed: "error" } }).errors)).toEqual(["shadowed_rule"]);
    const all = analyzeRuleSet(program, {
      maxChainDepth: 1,
      severity: { duplicatePriority: "error", shadowed: "error", chainDepth: "error" },
    });
    expect(codes(all.errors)).toEqual(["duplicate_priority", "fallback_chain_too_deep", "shadowed_rule"]);
    expect(all.warnings).toEqual([]);
  });

  it("rejects nonsensical options", () => {
    expect(() => analyzeRuleSet(program, { maxChainDepth: -1 })).toThrow(InvalidOptionsError);
    expect(() => analyzeRuleSet(program, { severity: { shadowed: "fatal" as "error" } })).toThrow(InvalidOptionsError);
  });
});
