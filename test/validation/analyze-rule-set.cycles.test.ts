import { describe, expect, it } from "vitest";
import { analyzeRuleSet } from "../../src/validation";
import { analyzable, distinctPriorities } from "./fixtures";

function cycleReasons(rules = [analyzable("x")]): string[] {
  return analyzeRuleSet(distinctPriorities(rules))
    .errors.filter((finding) => finding.code === "fallback_cycle")
    .map((finding) => `${finding.key} ${finding.field}: ${finding.reason}`);
}

describe("analyzeRuleSet: fallback cycles", () => {
  it("reports a cycle once, with its full path from the rule declared first", () => {
    const rules = [
      analyzable("vip", { fallback: "overflow" }),
      analyzable("overflow", { fallback: "general" }),
      analyzable("general", { fallback: "vip" }),
    ];
    expect(cycleReasons(rules)).toEqual(["vip fallback: fallback cycle vip -> overflow -> general -> vip"]);
  });

  it("starts the path at the first declared member whatever the edge order", () => {
    const rules = [
      analyzable("general", { fallback: "vip" }),
      analyzable("vip", { fallback: "overflow" }),
      analyzable("overflow", { fallback: "general" }),
    ];
    expect(cycleReasons(rules)).toEqual(["general fallback: fallback cycle general -> vip -> overflow -> general"]);
  });

  it("reports a rule falling back to itself", () => {
    expect(cycleReasons([analyzable("loop", { fallback: "loop" })])).toEqual(["loop fallback: fallback cycle loop -> loop"]);
  });

  it("reports separate cycles separately, in program order, and not the rules leading into them", () => {
    const rules = [
      analyzable("entry", { fallback: "a" }),
      analyzable("a", { fallback: "b" }),
      analyzable("b", { fallback: "a" }),
      analyzable("c", { fallback: "d" }),
      analyzable("d", { fallback: "c" }),
      analyzable("fine", { fallback: "end" }),
      analyzable("end"),
    ];
    expect(cycleReasons(rules)).toEqual(["a fallback: fallback cycle a -> b -> a", "c fallback: fallback cycle c -> d -> c"]);
  });

  it("finds nothing in an acyclic program", () => {
    const rules = [analyzable("a", { fallback: "b" }), analyzable("b", { fallback: "c" }), analyzable("c")];
    expect(analyzeRuleSet(distinctPriorities(rules)).errors).toEqual([]);
  });

  it("handles a cycle of thousands of rules (deeper than any recursion would go)", () => {
    const size = 5000;
    const rules = Array.from({ length: size }, (_, i) => analyzable(`r${i}`, { fallback: `r${(i + 1) % size}` }));
    const reasons = cycleReasons(rules);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^r0 fallback: fallback cycle r0 -> r1 -> r2 -> .* -> r4999 -> r0$/);
  });

  it("reports one cycle of 50,000 rules (no recursion anywhere)", () => {
    const size = 50_000;
    const rules = Array.from({ length: size }, (_, i) => analyzable(`r${i}`, { fallback: `r${(i + 1) % size}` }));
    const cycles = analyzeRuleSet(distinctPriorities(rules)).errors.filter((finding) => finding.code === "fallback_cycle");
    expect(cycles).toHaveLength(1);
    const path = cycles[0]!.reason.replace("fallback cycle ", "").split(" -> ");
    expect(path).toHaveLength(size + 1);
    expect(path[0]).toBe("r0");
    expect(path[size - 1]).toBe(`r${size - 1}`);
    expect(path[size]).toBe("r0");
  });

  it("reports each of 25,000 two-rule cycles once, in declaration order", () => {
    const size = 50_000;
    const rules = Array.from({ length: size }, (_, i) => analyzable(`r${i}`, { fallback: `r${i ^ 1}` }));
    const reasons = cycleReasons(rules);
    expect(reasons).toHaveLength(size / 2);
    expect(reasons[0]).toBe("r0 fallback: fallback cycle r0 -> r1 -> r0");
    expect(reasons[size / 2 - 1]).toBe(`r${size - 2} fallback: fallback cycle r${size - 2} -> r${size - 1} -> r${size - 2}`);
  });

  it("finds a cycle behind a long chain that leads into it, and a self-fallback among 10,000 rules", () => {
    const size = 10_000;
    const rules = Array.from({ length: size }, (_, i) =>
      analyzable(`r${i}`, { fallback: i === size - 1 ? `r${size - 3}` : i === 0 ? "r0" : `r${i + 1}` }),
    );
    expect(cycleReasons(rules)).toEqual([
      "r0 fallback: fallback cycle r0 -> r0",
      `r${size - 3} fallback: fallback cycle r${size - 3} -> r${size - 2} -> r${size - 1} -> r${size - 3}`,
    ]);
  });

  it("is not confused by keys that are Object members", () => {
    const rules = [analyzable("constructor", { fallback: "__proto__" }), analyzable("__proto__", { fallback: "constructor" })];
    expect(cycleReasons(rules)).toEqual(["constructor fallback: fallback cycle constructor -> __proto__ -> constructor"]);
  });
});
