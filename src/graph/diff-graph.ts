import { computeImpact, type ImpactSample } from "../routing/impact";
import type { EvaluableRule } from "../routing/routing-evaluator";
import { buildRoutingGraph, type BuildGraphOptions } from "./build-graph";
import type { ChangeKind, GraphEdge, GraphNode, InteractionMove, RoutingGraph, RuleNode } from "./routing-graph";

/** What identifies an edge across two graphs: its kind and its ends' refs. */
function edgeRefs(graph: RoutingGraph): Map<string, GraphEdge> {
  const refOf = new Map(graph.nodes.map((n) => [n.id, n.ref]));
  const out = new Map<string, GraphEdge>();
  for (const e of graph.edges) out.set(`${e.kind}\u0000${refOf.get(e.from)}\u0000${refOf.get(e.to)}`, e);
  return out;
}

/** A rule's fallback and targets as comparable text, by refs. */
function ruleLinks(graph: RoutingGraph): Map<string, { fallback: string; targets: string }> {
  const refOf = new Map(graph.nodes.map((n) => [n.id, n.ref]));
  const out = new Map<string, { fallback: string; targets: string[] }>();
  for (const n of graph.nodes) if (n.kind === "rule") out.set(n.id, { fallback: "", targets: [] });
  for (const e of graph.edges) {
    const links = out.get(e.from);
    if (!links) continue;
    if (e.kind === "falls-back-to") links.fallback = refOf.get(e.to) ?? "";
    if (e.kind === "sends-to") links.targets.push(`${refOf.get(e.to)} weight ${e.weight} capacity ${e.capacity ?? "-"}`);
  }
  return new Map([...out].map(([id, l]) => [id, { fallback: l.fallback, targets: l.targets.sort().join(", ") }]));
}

function changedFields(a: RuleNode, b: RuleNode, la: { fallback: string; targets: string }, lb: typeof la): string[] {
  const fields: string[] = [];
  if (a.priority !== b.priority) fields.push("priority");
  if (a.enabled !== b.enabled) fields.push("enabled");
  if (a.interactionType !== b.interactionType) fields.push("interactionType");
  if (a.conditions !== b.conditions) fields.push("conditions");
  if (la.targets !== lb.targets) fields.push("targets");
  if (la.fallback !== lb.fallback) fields.push("fallback");
  return fields;
}

/**
 * One graph of both rule sets: `after`'s nodes and edges, plus `before`'s that `after` lacks.
 * Rules match by ref (their CXone name), targets by type and label, edges by kind and ends; each
 * is marked added, removed or changed (a rule whose priority, enabled flag, type, conditions,
 * targets with weight and capacity, or fallback differ; a sends-to edge whose weight or capacity
 * differ). `moves` (from {@link diffRuleSets}) says which interactions move.
 */
export function diffRoutingGraphs(
  before: RoutingGraph,
  after: RoutingGraph,
  moves?: { moves: InteractionMove[]; moved: number },
): RoutingGraph {
  const beforeByRef = new Map(before.nodes.map((n) => [n.ref, n]));
  const afterByRef = new Map(after.nodes.map((n) => [n.ref, n]));
  const linksBefore = ruleLinks(before);
  const linksAfter = ruleLinks(after);
  const nodes: GraphNode[] = [];
  const idInMerged = new Map<string, string>(); // before's node id -> merged id

  for (const node of after.nodes) {
    const old = beforeByRef.get(node.ref);
    if (!old) nodes.push({ ...node, change: "added" });
    else if (node.kind === "rule" && old.kind === "rule") {
      const fields = changedFields(old, node, linksBefore.get(old.id)!, linksAfter.get(node.id)!);
      nodes.push(fields.length > 0 ? { ...node, change: "changed", changedFields: fields } : node);
    } else nodes.push(node);
    if (old) idInMerged.set(old.id, node.id);
  }
  for (const node of before.nodes) {
    if (afterByRef.has(node.ref)) continue;
    const id = `d${node.id}`;
    idInMerged.set(node.id, id);
    nodes.push({ ...node, id, change: "removed" });
  }

  const edgesBefore = edgeRefs(before);
  const edgesAfter = edgeRefs(after);
  const edges: GraphEdge[] = [];
  for (const [key, edge] of edgesAfter) {
    const old = edgesBefore.get(key);
    let change: ChangeKind | undefined;
    if (!old) change = "added";
    else if (edge.kind === "sends-to" && (old.weight !== edge.weight || old.capacity !== edge.capacity)) change = "changed";
    if (change === "changed" && old) {
      edges.push({ ...edge, change, was: { weight: old.weight, capacity: old.capacity, share: old.share } });
    } else edges.push(change ? { ...edge, change } : edge);
  }
  for (const [key, edge] of edgesBefore) {
    if (edgesAfter.has(key)) continue;
    edges.push({ ...edge, from: idInMerged.get(edge.from)!, to: idInMerged.get(edge.to)!, change: "removed" });
  }

  const interactionTypes = [...after.interactionTypes, ...before.interactionTypes.filter((t) => !after.interactionTypes.includes(t))];
  return {
    nodes,
    edges,
    interactionTypes,
    maxFallbackDepth: after.maxFallbackDepth,
    ...(after.samples !== undefined ? { samples: after.samples } : {}),
    ...(moves ? { moves: moves.moves, movedSamples: moves.moved } : {}),
  };
}

/**
 * Builds both graphs and their diff; with `options.samples`, also which of them route to another
 * rule (or the same rule with other targets) under `after`, by the evaluator (src/routing/impact).
 */
export function diffRuleSets(
  before: readonly EvaluableRule[],
  after: readonly EvaluableRule[],
  options: BuildGraphOptions = {},
): RoutingGraph {
  const samples = options.samples ?? [];
  const impact =
    samples.length > 0
      ? computeImpact(
          before,
          after,
          samples.map((s, i): ImpactSample => ({ ...s, source: (s as Partial<ImpactSample>).source ?? `sample ${i + 1}` })),
        )
      : undefined;
  return diffRoutingGraphs(
    buildRoutingGraph(before, options),
    buildRoutingGraph(after, options),
    impact ? { moves: impact.rows.map((r) => ({ ...r })), moved: impact.changed } : undefined,
  );
}
