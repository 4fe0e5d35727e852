import { describe, expect, it } from "vitest";
import { buildRoutingGraph, diffRuleSets, loadLayoutEngine, toDot, toHtml, toMermaid, toSvg, type RoutingGraph } from "../../src/graph";
import { parseMermaid, parseSvg } from "../helpers/graph-parse";
import { devRules, markedRules, rule } from "./fixtures";

function idOf(graph: RoutingGraph, key: string): string {
  return graph.nodes.find((n) => n.kind === "rule" && n.key === key)!.id;
}

function threeRuleChange(): RoutingGraph {
  const after = devRules()
    .filter((r) => r.key !== "voice-billing")
    .map((r) => (r.key === "voice-vip" ? { ...r, targets: r.targets!.map((t) => ({ ...t, weight: 50 })) } : r));
  after.push(rule("chat-french", { name: "Chat French", interactionType: "chat", priority: 20 }));
  return diffRuleSets(devRules(), after);
}

describe("SVG (Graphviz in WebAssembly)", async () => {
  const viz = await loadLayoutEngine();

  it("lays out the marked rule set: clusters by type, every rule and edge, marks as classes and text", async () => {
    const graph = buildRoutingGraph(markedRules());
    const svg = parseSvg(await toSvg(graph, { viz }));
    expect(svg.clusters.map((c) => c.split("\n")[0])).toEqual(["voice", "chat", "email"]);
    expect([...svg.nodes.values()].filter((n) => n.classes.includes("rule"))).toHaveLength(15);
    expect(svg.nodes.get(idOf(graph, "loop-a"))!.classes).toContain("cycle");
    expect(svg.nodes.get(idOf(graph, "loop-a"))!.text).toContain("cycle: loop-a -> loop-b -> loop-a");
    expect(svg.nodes.get(idOf(graph, "vip-late"))!.classes).toContain("shadowed");
    expect(svg.nodes.get(idOf(graph, "vip-late"))!.text).toContain("shadowed by vip-early");
    expect(svg.nodes.get(idOf(graph, "chat-es"))!.classes).toContain("cross-type");
    expect(svg.nodes.get(idOf(graph, "nowhere"))!.classes).toContain("dead-end");
    expect(svg.nodes.get(idOf(graph, "deep-0"))!.text).toContain("fallback chain 7 hops (limit 5)");
    const cycleEdges = svg.edges.filter((e) => e.classes.includes("cycle"));
    expect(cycleEdges.map((e) => e.title).sort()).toEqual(
      [`${idOf(graph, "loop-a")}->${idOf(graph, "loop-b")}`, `${idOf(graph, "loop-b")}->${idOf(graph, "loop-a")}`].sort(),
    );
    const crossing = svg.edges.filter((e) => e.classes.includes("cross-type"));
    expect(crossing.map((e) => [e.title, e.text])).toEqual([
      [`${idOf(graph, "chat-es")}->${idOf(graph, "general")}`, "fallback (crosses types)"],
    ]);
    expect(svg.edges).toHaveLength(graph.edges.length);
  });

  it("draws a 3-rule change: added, removed and changed nodes, old weights on changed edges", async () => {
    const graph = threeRuleChange();
    const svg = parseSvg(await toSvg(graph, { viz }));
    const changeOf = (key: string) => {
      const node = graph.nodes.find((n) => n.kind === "rule" && n.key === key)!;
      return svg.nodes.get(node.id)!.classes.filter((c) => ["added", "removed", "changed"].includes(c));
    };
    expect(changeOf("voice-vip")).toEqual(["changed"]);
    expect(changeOf("chat-french")).toEqual(["added"]);
    expect(changeOf("voice-billing")).toEqual(["removed"]);
    expect(svg.nodes.get(idOf(graph, "voice-vip"))!.text).toContain("[changed: targets]");
    const weights = svg.edges.filter((e) => e.classes.includes("changed")).map((e) => e.text);
    expect(weights.sort()).toEqual(["50% cap 30 (was 30% cap 30)", "50% cap 50 (was 70% cap 50)"]);
    expect(svg.edges.filter((e) => e.classes.includes("removed")).length).toBeGreaterThanOrEqual(3); // fallback, target, order
  });

  it("inlines targets above 150 rules, keeping every rule", async () => {
    const many = Array.from({ length: 160 }, (_, i) =>
      rule(`r${i}`, { priority: i + 1, conditions: [{ field: "n", operator: "equals", value: i }] }),
    );
    const svg = parseSvg(await toSvg(buildRoutingGraph(many), { viz }));
    expect(svg.nodes.size).toBe(160);
    expect(svg.nodes.get("r0")!.text).toContain("-> queue q-r0 100% cap 10");
    expect(svg.edges.every((e) => !e.classes.includes("sends-to"))).toBe(true);
  });

  it("DOT names clusters, ids and classes the SVG carries", () => {
    const dot = toDot(buildRoutingGraph(devRules()));
    expect(dot).toMatch(/subgraph cluster_0 \{\n {4}id="type-voice"; label="voice"/);
    expect(dot).toContain('r0 -> r3 [id="e0", class="falls-back-to"');
  });
});

describe("Mermaid", () => {
  it("writes subgraphs per type, edges by kind and marks as classes and text", () => {
    const graph = buildRoutingGraph(markedRules());
    const m = parseMermaid(toMermaid(graph));
    expect(m.header).toBe("flowchart LR");
    expect(m.subgraphs).toEqual(["voice", "chat", "email", "targets"]);
    expect(m.edges).toHaveLength(graph.edges.length);
    expect(m.edges.filter((e) => e.arrow === "==>").length).toBe(graph.edges.filter((e) => e.kind === "falls-back-to").length);
    expect(m.edges).toContainEqual({
      from: idOf(graph, "chat-es"),
      to: idOf(graph, "general"),
      arrow: "==>",
      label: "fallback, crosses types",
    });
    expect(m.edges).toContainEqual({ from: idOf(graph, "loop-a"), to: idOf(graph, "loop-b"), arrow: "==>", label: "fallback, cycle" });
    expect(m.classes.get("cycle")!.sort()).toEqual([idOf(graph, "loop-a"), idOf(graph, "loop-b")].sort());
    expect(m.classes.get("shadowed")).toEqual([idOf(graph, "vip-late")]);
    expect(m.classes.get("cross_type")).toEqual([idOf(graph, "chat-es")]);
    expect(m.classes.get("dead_end")).toEqual([idOf(graph, "nowhere")]);
    expect(m.nodes.get(idOf(graph, "vip-late"))).toContain("⚠ shadowed by vip-early");
    expect(m.nodes.get(idOf(graph, "vip-early"))).toBe('vip-early\npriority 10\nsegment equals "vip"');
  });

  it("changedOnly keeps the 3-rule change and one hop of context", () => {
    const graph = threeRuleChange();
    const m = parseMermaid(toMermaid(graph, { changedOnly: true }));
    const keys = [...m.nodes.values()].map((label) => label.split("\n")[0]);
    expect(keys).toContain("VIP Customer Priority Routing");
    expect(keys).toContain("Chat French");
    expect(keys).toContain("Billing Disputes");
    expect(m.classes.get("changed")).toEqual([idOf(graph, "voice-vip")]);
    expect(m.classes.get("added")).toContain(idOf(graph, "chat-french"));
    expect(m.classes.get("removed")).toContain(graph.nodes.find((n) => n.kind === "rule" && n.key === "voice-billing")!.id);
    expect(
      m.edges
        .filter((e) => e.label.includes("(was "))
        .map((e) => e.label)
        .sort(),
    ).toEqual(["50% cap 30 (was 30% cap 30)", "50% cap 50 (was 70% cap 50)"]);
  });

  it("changedOnly leaves out what a weight change does not touch", () => {
    const after = devRules().map((r) => (r.key === "voice-vip" ? { ...r, targets: r.targets!.map((t) => ({ ...t, weight: 50 })) } : r));
    const m = parseMermaid(toMermaid(diffRuleSets(devRules(), after), { changedOnly: true }));
    const titles = [...m.nodes.values()].map((label) => label.split("\n")[0]).sort();
    expect(titles).toEqual([
      "Billing Disputes",
      "Long Wait Overflow",
      "VIP Customer Priority Routing",
      "queue q-dev-vip-01",
      "queue q-dev-vip-02",
    ]);
    expect(m.subgraphs).toEqual(["voice", "targets"]);
  });
});

describe("HTML page", () => {
  it("is self-contained: inline SVG, style, script and data; no URL to load", async () => {
    const html = await toHtml(threeRuleChange(), { title: "dev -> change" });
    expect(html).toContain("<svg");
    expect(html).toContain('id="search"');
    expect(html).toContain("<h2>Legend</h2>");
    expect(html).toContain('<tr id="row-r0" class="changed">');
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
