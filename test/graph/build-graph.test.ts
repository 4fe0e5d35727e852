import { describe, expect, it } from "vitest";
import {
  buildRoutingGraph,
  changedGraph,
  diffRuleSets,
  focusGraph,
  limitRules,
  routePath,
  ruleNodes,
  type RoutingGraph,
  type RuleNode,
} from "../../src/graph";
import { devRules, exampleSamples, markedRules, rule } from "./fixtures";

function byKey(graph: RoutingGraph, key: string): RuleNode {
  const node = ruleNodes(graph).find((n) => n.key === key);
  if (!node) throw new Error(`no rule ${key}`);
  return node;
}

function edgeKeys(graph: RoutingGraph, kind: string): string[] {
  const key = new Map(graph.nodes.map((n) => [n.id, n.kind === "rule" ? n.key : n.ref]));
  return graph.edges.filter((e) => e.kind === kind).map((e) => `${key.get(e.from)}>${key.get(e.to)}`);
}

describe("buildRoutingGraph", () => {
  it("draws the example's dev rule set: rules, shared targets, fallbacks and evaluation order", () => {
    const graph = buildRoutingGraph(devRules());
    expect(ruleNodes(graph)).toHaveLength(6);
    expect(graph.nodes.filter((n) => n.kind === "target")).toHaveLength(7); // overflow is shared by two rules
    expect(graph.interactionTypes).toEqual(["voice", "chat"]);
    expect(edgeKeys(graph, "falls-back-to").sort()).toEqual(
      ["chat-spanish>chat-general", "voice-billing>voice-general", "voice-overflow>voice-general", "voice-vip>voice-overflow"].sort(),
    );
    expect(edgeKeys(graph, "evaluated-next")).toEqual([
      "voice-vip>voice-billing",
      "voice-billing>voice-overflow",
      "voice-overflow>voice-general",
      "chat-spanish>chat-general",
    ]);
    const vipTargets = graph.edges.filter((e) => e.kind === "sends-to" && e.from === byKey(graph, "voice-vip").id);
    expect(vipTargets.map((e) => [e.weight, e.capacity, e.share])).toEqual([
      [70, 50, 0.7],
      [30, 30, 0.3],
    ]);
    expect(ruleNodes(graph).every((r) => Object.keys(r.marks).length === 0)).toBe(true);
  });

  it("marks a cycle, a shadowed rule with its witness, a cross-type fallback, a dead end and a deep chain", () => {
    const graph = buildRoutingGraph(markedRules());
    expect(byKey(graph, "loop-a").marks.cycle).toEqual(["loop-a", "loop-b", "loop-a"]);
    expect(byKey(graph, "loop-b").marks.cycle).toBeDefined();
    expect(graph.edges.filter((e) => e.inCycle)).toHaveLength(2);
    expect(byKey(graph, "vip-late").marks.shadowedBy).toEqual({
      ref: "vip-early",
      witness: expect.stringContaining('voice {"segment":"vip","lang":"en"} matches this rule but routes to rule "vip-early"'),
    });
    expect(byKey(graph, "chat-es").marks.crossType).toBe(true);
    expect(graph.edges.filter((e) => e.crossType)).toHaveLength(1);
    expect(byKey(graph, "nowhere").marks.deadEnd).toBe(true);
    expect(byKey(graph, "general").marks.deadEnd).toBeUndefined();
    expect(byKey(graph, "deep-0").marks.deepChain).toBe(7);
    expect(byKey(graph, "deep-1").marks.deepChain).toBe(6);
    expect(byKey(graph, "deep-2").marks.deepChain).toBeUndefined();
    // No samples, no "unreached" mark.
    expect(ruleNodes(graph).some((r) => r.marks.unreached)).toBe(false);
  });

  it("marks rules no test case reaches (the catching rule and its fallback chain count as reached)", () => {
    const rules = [
      ...devRules(),
      rule("chat-unused", { interactionType: "chat", priority: 50, conditions: [{ field: "never", operator: "equals", value: 1 }] }),
    ];
    const graph = buildRoutingGraph(rules, { samples: exampleSamples() });
    expect(
      ruleNodes(graph)
        .filter((r) => r.marks.unreached)
        .map((r) => r.key),
    ).toEqual(["chat-unused"]);
    expect(graph.samples).toBe(12);
  });

  it("a dead end through a chain: a rule without targets whose fallback has none either", () => {
    const graph = buildRoutingGraph([
      rule("a", { targets: [], fallback: "b" }),
      rule("b", { targets: [] }),
      rule("c", { targets: [], fallback: "d" }),
      rule("d"),
    ]);
    expect(
      ruleNodes(graph)
        .filter((r) => r.marks.deadEnd)
        .map((r) => r.key),
    ).toEqual(["a", "b"]);
  });

  it("shows a fallback outside the set by the label the caller knows, identified by its id", () => {
    const rules = [rule("a", { fallbackRuleId: "id-remote" }), rule("b", { fallbackRuleId: "id-other" })];
    const graph = buildRoutingGraph(rules, { outsideLabel: (id) => (id === "id-remote" ? "Console Rule" : undefined) });
    const outside = graph.nodes.filter((n) => n.kind === "outside").map((n) => [n.ref, n.kind === "outside" && n.label]);
    expect(outside).toEqual([
      ["outside:id-remote", "Console Rule"],
      ["outside:id-other", "id-other"],
    ]);
  });
});

describe("diffRuleSets", () => {
  it("marks a 3-rule change: one added, one removed, one changed, and the interactions that move", () => {
    const before = devRules();
    const after = devRules()
      .filter((r) => r.key !== "voice-billing")
      .map((r) => (r.key === "voice-vip" ? { ...r, priority: 15 } : r));
    after.push(
      rule("chat-french", {
        name: "Chat French",
        interactionType: "chat",
        priority: 20,
        conditions: [{ field: "language", operator: "startsWith", value: "fr" }],
      }),
    );
    const graph = diffRuleSets(before, after, { samples: exampleSamples() });
    const changes = ruleNodes(graph)
      .filter((r) => r.change)
      .map((r) => [r.key, r.change, r.changedFields ?? []]);
    expect(changes).toEqual([
      ["voice-vip", "changed", ["priority"]],
      ["chat-french", "added", []],
      ["voice-billing", "removed", []],
    ]);
    expect(graph.edges.filter((e) => e.change === "removed" && e.kind === "falls-back-to")).toHaveLength(1);
    expect(graph.moves).toContainEqual({ before: "Billing Disputes", after: "General Voice Routing", count: expect.any(Number) });
    expect(graph.movedSamples).toBeGreaterThan(0);
  });

  it("a weight change marks the rule changed (targets) and its sends-to edges with the old weights", () => {
    const after = devRules().map((r) => (r.key === "voice-vip" ? { ...r, targets: r.targets!.map((t) => ({ ...t, weight: 50 })) } : r));
    const graph = diffRuleSets(devRules(), after);
    expect(byKey(graph, "voice-vip")).toMatchObject({ change: "changed", changedFields: ["targets"] });
    const changed = graph.edges.filter((e) => e.change === "changed");
    expect(changed.map((e) => [e.weight, e.was?.weight])).toEqual([
      [50, 70],
      [50, 30],
    ]);
    const touched = changedGraph(graph);
    // voice-vip, its two targets, and one hop: voice-billing (next), voice-overflow (fallback).
    expect(
      ruleNodes(touched)
        .map((r) => r.key)
        .sort(),
    ).toEqual(["voice-billing", "voice-overflow", "voice-vip"]);
    // With the fallback chains: where voice-vip's interactions end up, two hops away (voice-general).
    const chains = changedGraph(graph, { fallbackChains: true });
    expect(ruleNodes(chains).map((r) => r.key)).toEqual(["voice-vip", "voice-billing", "voice-general", "voice-overflow"]);
    expect(edgeKeys(chains, "falls-back-to").sort()).toEqual(
      ["voice-billing>voice-general", "voice-overflow>voice-general", "voice-vip>voice-overflow"].sort(),
    );
  });

  it("follows the touched rules' fallback chains through a cycle and out of the set, each node once", () => {
    // Disabled rules have no evaluation order: only fallbacks link them.
    const off = { enabled: false };
    const before = [
      rule("a", { fallback: "b" }),
      rule("b", { ...off, fallback: "c" }),
      rule("c", { ...off, fallback: "b" }),
      rule("e", { priority: 130, fallback: "f" }),
      rule("f", { ...off, fallbackRuleId: "id-remote" }),
      rule("far", off),
    ];
    const after = before.map((r) => (r.key === "a" ? { ...r, priority: 90 } : r.key === "e" ? { ...r, priority: 120 } : r));
    const graph = diffRuleSets(before, after);
    expect(ruleNodes(changedGraph(graph)).map((r) => r.key)).toEqual(["a", "b", "e", "f"]);
    const chains = changedGraph(graph, { fallbackChains: true });
    expect(ruleNodes(chains).map((r) => r.key)).toEqual(["a", "b", "c", "e", "f"]);
    expect(chains.nodes.filter((n) => n.kind === "outside").map((n) => n.ref)).toEqual(["outside:id-remote"]);
    expect(edgeKeys(chains, "falls-back-to").sort()).toEqual(["a>b", "b>c", "c>b", "e>f", "f>outside:id-remote"]);
  });
});

describe("limitRules", () => {
  it("keeps the touched rules first, then context, with the kept rules' targets; says how many it left out", () => {
    // voice-general changes; voice-billing and voice-overflow (fallbacks into it) come before it in the set.
    const after = devRules().map((r) => (r.key === "voice-general" ? { ...r, targets: r.targets!.map((t) => ({ ...t, weight: 50 })) } : r));
    const touched = changedGraph(diffRuleSets(devRules(), after));
    expect(ruleNodes(touched).map((r) => r.key)).toEqual(["voice-billing", "voice-general", "voice-overflow"]);
    expect(limitRules(touched, 3)).toEqual({ graph: touched, omitted: 0 });
    const one = limitRules(touched, 1);
    expect(one.omitted).toBe(2);
    // Only the targets voice-general sends to: q-dev-billing went with voice-billing.
    expect(one.graph.nodes.map((n) => (n.kind === "rule" ? n.key : n.ref))).toEqual([
      "voice-general",
      "queue:q-dev-general",
      "queue:q-dev-overflow",
    ]);
    expect(one.graph.edges.map((e) => [e.kind, e.change])).toEqual([
      ["sends-to", "changed"],
      ["sends-to", "changed"],
    ]);
    expect(ruleNodes(limitRules(touched, 2).graph).map((r) => r.key)).toEqual(["voice-billing", "voice-general"]);
    expect(() => limitRules(touched, -1)).toThrow(/maxRules must be a whole number/);
  });
});

describe("focusGraph and routePath", () => {
  it("--focus keeps the rule and what lies within N hops", () => {
    const graph = buildRoutingGraph(devRules());
    expect(ruleNodes(focusGraph(graph, "chat-spanish", 1)).map((r) => r.key)).toEqual(["chat-spanish", "chat-general"]);
    expect(focusGraph(graph, "Chat Spanish Speakers", 0).nodes).toHaveLength(1);
    expect(() => focusGraph(graph, "chat-german", 1)).toThrow(/--focus "chat-german" names no rule/);
  });

  it("the path of one interaction: tried rules with why, the match, its fallback chain and targets", () => {
    const path = routePath(devRules(), { interactionType: "voice", attributes: { intent: "billing" } });
    const notes = ruleNodes(path).map((r) => [r.key, r.note]);
    expect(notes).toEqual([
      ["voice-vip", 'no: customerSegment equals "vip" (attribute missing)'],
      ["voice-billing", "MATCH"],
      ["voice-general", "fallback 1"],
    ]);
    expect(path.nodes.filter((n) => n.kind === "target").map((n) => n.ref)).toEqual([
      "queue:q-dev-billing",
      "queue:q-dev-general",
      "queue:q-dev-overflow",
    ]);
  });
});
