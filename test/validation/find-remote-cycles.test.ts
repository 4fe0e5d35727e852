import { describe, expect, it } from "vitest";
import type { RemoteRule } from "../../src/validation";
import { InvalidOptionsError, UNKNOWN_PLACEHOLDER, findRemoteCycles } from "../../src/validation";
import { analyzable } from "./fixtures";

/** A fake CXone: answers from a table, counts calls per id, optionally slow. */
function fakeCxone(remote: RemoteRule[], delayMs = 0) {
  const byId = new Map(remote.map((rule) => [rule.id, rule]));
  const calls = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchRule = async (id: string): Promise<RemoteRule | null> => {
    calls.set(id, (calls.get(id) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    inFlight--;
    return byId.get(id) ?? null;
  };
  return { fetchRule, calls, maxInFlight: () => maxInFlight };
}

describe("findRemoteCycles: cycles through rules outside the stack", () => {
  it("reports a cycle that leaves the program and comes back", async () => {
    const cxone = fakeCxone([
      { id: "r-1", name: "Overflow", fallbackRuleId: "r-2" },
      { id: "r-2", name: "General", fallbackRuleId: "cx-vip" },
    ]);
    const findings = await findRemoteCycles([analyzable("vip", { id: "cx-vip", fallbackRuleId: "r-1" })], cxone.fetchRule);
    expect(findings).toEqual([
      {
        key: "vip",
        field: "fallbackRuleId",
        reason: "fallback cycle through rules outside this stack: vip -> Overflow (r-1) -> General (r-2) -> vip",
        code: "remote_fallback_cycle",
      },
    ]);
  });

  it("continues through program rules named by id and their logical fallbacks", async () => {
    const cxone = fakeCxone([{ id: "r-1", name: "Remote", fallbackRuleId: "cx-a" }]);
    const rules = [analyzable("a", { id: "cx-a", fallback: "b" }), analyzable("b", { fallbackRuleId: "r-1" })];
    const findings = await findRemoteCycles(rules, cxone.fetchRule);
    expect(findings.map((finding) => `${finding.key} ${finding.field}: ${finding.reason}`)).toEqual([
      "a fallback: fallback cycle through rules outside this stack: a -> b -> Remote (r-1) -> a",
    ]);
  });

  it("reports a loop among remote rules with the chain that leads into it", async () => {
    const cxone = fakeCxone([
      { id: "r-1", name: "One", fallbackRuleId: "r-2" },
      { id: "r-2", name: "Two", fallbackRuleId: "r-3" },
      { id: "r-3", name: "Three", fallbackRuleId: "r-2" },
    ]);
    const findings = await findRemoteCycles([analyzable("vip", { fallbackRuleId: "r-1" })], cxone.fetchRule);
    expect(findings).toEqual([
      {
        key: "vip",
        field: "fallbackRuleId",
        reason: "fallback chain vip -> One (r-1) -> Two (r-2) -> Three (r-3) -> Two (r-2) loops among rules outside this stack",
        code: "remote_fallback_cycle",
      },
    ]);
  });

  it("leaves cycles made only of program rules to analyzeRuleSet", async () => {
    const cxone = fakeCxone([]);
    const rules = [analyzable("a", { fallback: "b" }), analyzable("b", { fallback: "a" })];
    expect(await findRemoteCycles(rules, cxone.fetchRule)).toEqual([]);
    expect(cxone.calls.size).toBe(0);
  });

  it("finds nothing for a chain that ends remotely", async () => {
    const cxone = fakeCxone([
      { id: "r-1", name: "One", fallbackRuleId: "r-2" },
      { id: "r-2", name: "Two" },
    ]);
    expect(await findRemoteCycles([analyzable("vip", { fallbackRuleId: "r-1" })], cxone.fetchRule)).toEqual([]);
  });
});

describe("findRemoteCycles: fallback ids that do not exist", () => {
  it("is an error on the rule that names the id", async () => {
    const cxone = fakeCxone([]);
    const findings = await findRemoteCycles(
      [analyzable("vip", { fallbackRuleId: "r-gone" }), analyzable("sales", { fallbackRuleId: "r-gone" })],
      cxone.fetchRule,
    );
    expect(findings).toEqual([
      {
        key: "vip",
        field: "fallbackRuleId",
        reason: 'fallbackRuleId "r-gone" names no routing rule in CXone',
        code: "remote_fallback_missing",
      },
      {
        key: "sales",
        field: "fallbackRuleId",
        reason: 'fallbackRuleId "r-gone" names no routing rule in CXone',
        code: "remote_fallback_missing",
      },
    ]);
  });

  it("is reported with the chain when a remote rule points to a missing one", async () => {
    const cxone = fakeCxone([{ id: "r-1", name: "One", fallbackRuleId: "r-gone" }]);
    const findings = await findRemoteCycles([analyzable("vip", { fallbackRuleId: "r-1" })], cxone.fetchRule);
    expect(findings.map((finding) => finding.reason)).toEqual([
      'fallback chain vip -> One (r-1) -> r-gone ends at rule id "r-gone", which does not exist in CXone',
    ]);
  });

  it("does not look up ids that are not known yet", async () => {
    const cxone = fakeCxone([]);
    const rules = [analyzable("vip", { fallbackRuleId: UNKNOWN_PLACEHOLDER }), analyzable("x", { fallbackRuleId: undefined })];
    expect(await findRemoteCycles(rules, cxone.fetchRule)).toEqual([]);
    expect(cxone.calls.size).toBe(0);
  });
});

describe("findRemoteCycles: reads", () => {
  it("fetches each remote rule at most once, also for concurrent chains", async () => {
    const cxone = fakeCxone(
      [
        { id: "shared", name: "Shared", fallbackRuleId: "end" },
        { id: "end", name: "End" },
        { id: "a", name: "A", fallbackRuleId: "shared" },
        { id: "b", name: "B", fallbackRuleId: "shared" },
      ],
      5,
    );
    const rules = ["a", "b", "shared", "a"].map((id, i) => analyzable(`rule-${i}`, { fallbackRuleId: id }));
    expect(await findRemoteCycles(rules, cxone.fetchRule)).toEqual([]);
    expect(Object.fromEntries(cxone.calls)).toEqual({ a: 1, b: 1, shared: 1, end: 1 });
  });

  it("never fetches rules of the program itself", async () => {
    const cxone = fakeCxone([]);
    await findRemoteCycles([analyzable("a", { id: "cx-a", fallbackRuleId: "cx-b" }), analyzable("b", { id: "cx-b" })], cxone.fetchRule);
    expect(cxone.calls.size).toBe(0);
  });

  it("keeps at most `concurrency` fetches in flight", async () => {
    const remote = Array.from({ length: 12 }, (_, i) => ({ id: `r-${i}`, name: `R${i}` }));
    const cxone = fakeCxone(remote, 2);
    const rules = remote.map((rule, i) => analyzable(`p${i}`, { fallbackRuleId: rule.id }));
    await findRemoteCycles(rules, cxone.fetchRule, { concurrency: 3 });
    expect(cxone.maxInFlight()).toBe(3);
    expect(cxone.calls.size).toBe(12);
  });

  it("follows at most maxDepth remote hops", async () => {
    const remote = Array.from({ length: 10 }, (_, i) => ({ id: `r-${i}`, name: `R${i}`, fallbackRuleId: `r-${i + 1}` }));
    const cxone = fakeCxone(remote);
    await findRemoteCycles([analyzable("p", { fallbackRuleId: "r-0" })], cxone.fetchRule, { maxDepth: 4 });
    expect([...cxone.calls.keys()]).toEqual(["r-0", "r-1", "r-2", "r-3"]);
  });

  it("lets fetch errors propagate", async () => {
    const failing = async (): Promise<RemoteRule | null> => {
      throw new Error("503 from CXone");
    };
    await expect(findRemoteCycles([analyzable("p", { fallbackRuleId: "r-0" })], failing)).rejects.toThrow("503 from CXone");
  });

  it("rejects nonsensical options", async () => {
    await expect(findRemoteCycles([], fakeCxone([]).fetchRule, { maxDepth: 0 })).rejects.toThrow(InvalidOptionsError);
    await expect(findRemoteCycles([], fakeCxone([]).fetchRule, { concurrency: 1.5 })).rejects.toThrow(InvalidOptionsError);
  });
});
