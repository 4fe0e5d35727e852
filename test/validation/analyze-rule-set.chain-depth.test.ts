import { describe, expect, it } from "vitest";
import { analyzeRuleSet } from "../../src/validation";
import { analyzable, distinctPriorities } from "./fixtures";

function chain(length: number, prefix = "r") {
  return Array.from({ length }, (_, i) => analyzable(`${prefix}${i}`, i + 1 < length ? { fallback: `${prefix}${i + 1}` } : {}));
}

function chainFindings(rules: ReturnType<typeof chain>, options = {}) {
  return analyzeRuleSet(distinctPriorities(rules), options).warnings.filter((finding) => finding.code === "fallback_chain_too_deep");
}

describe("analyzeRuleSet: fallback chain depth", () => {
  it("allows chains of up to 5 hops by default", () => {
    expect(chainFindings(chain(6))).toEqual([]);
  });

  it("warns once, at the start of a longer chain", () => {
    expect(chainFindings(chain(7))).toEqual([
      {
        key: "r0",
        field: "fallback",
        reason: "fallback chain is 6 hops deep, more than the limit of 5: r0 -> r1 -> r2 -> r3 -> r4 -> r5 -> r6",
        code: "fallback_chain_too_deep",
      },
    ]);
  });

  it("uses the configured limit", () => {
    expect(chainFindings(chain(3), { maxChainDepth: 1 }).map((finding) => finding.reason)).toEqual([
      "fallback chain is 2 hops deep, more than the limit of 1: r0 -> r1 -> r2",
    ]);
  });

  it("reports each chain start when chains merge", () => {
    const rules = [...chain(7), analyzable("side", { fallback: "r0" }), analyzable("other", { fallback: "r1" })];
    expect(chainFindings(rules).map((finding) => finding.key)).toEqual(["side", "other"]);
  });

  it("elides the middle of very long chains and copes with 20,000 hops", () => {
    const findings = chainFindings(chain(20_000));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.reason).toMatch(/^fallback chain is 19999 hops deep, .*: r0 -> .* -> r10 -> … -> r19999$/);
  });

  it("does not measure chains that run into a cycle (the cycle is the error)", () => {
    const rules = [...chain(8), analyzable("loop-a", { fallback: "loop-b" }), analyzable("loop-b", { fallback: "loop-a" })];
    rules[7] = analyzable("r7", { fallback: "loop-a" });
    const result = analyzeRuleSet(distinctPriorities(rules));
    expect(result.warnings.filter((finding) => finding.code === "fallback_chain_too_deep")).toEqual([]);
    expect(result.errors.map((finding) => finding.code)).toEqual(["fallback_cycle"]);
  });
});
