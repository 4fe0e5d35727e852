import type { GraphEdge, GraphNode, RoutingGraph, RuleNode } from "./routing-graph";

/** One short line per mark, as every writer shows it on the rule. */
export function markLines(rule: RuleNode, graph: Pick<RoutingGraph, "maxFallbackDepth">): string[] {
  const m = rule.marks;
  const lines: string[] = [];
  if (m.cycle) lines.push(`cycle: ${m.cycle.join(" -> ")}`);
  if (m.shadowedBy) lines.push(`shadowed by ${m.shadowedBy.ref}`);
  if (m.deadEnd) lines.push("dead end: no target serves it");
  if (m.deepChain !== undefined) lines.push(`fallback chain ${m.deepChain} hops (limit ${graph.maxFallbackDepth})`);
  if (m.crossType) lines.push("fallback crosses interaction types");
  if (m.unreached) lines.push("no test case or corpus line reaches it");
  return lines;
}

/** `added`, `removed`, or `changed: priority, targets`. */
export function changeLine(node: GraphNode): string | undefined {
  if (!node.change) return undefined;
  if (node.kind === "rule" && node.change === "changed") return `changed: ${(node.changedFields ?? []).join(", ")}`;
  return node.change;
}

/** `queue vip-pool-1`, or the fallback id a chain leaves the set through. */
export function targetTitle(node: GraphNode): string {
  if (node.kind === "target") return `${node.targetType} ${node.label}`;
  if (node.kind === "outside") return `outside the set: ${node.label}`;
  return node.name;
}

const percent = (share: number | undefined) => `${Math.round((share ?? 0) * 1000) / 10}%`;

/** `70% cap 50`: a sends-to edge's share of the rule's traffic and the capacity; `(was 50% cap 40)` in a diff. */
export function sendsToLabel(edge: GraphEdge): string {
  const text = (share: number | undefined, capacity: number | undefined) =>
    capacity !== undefined ? `${percent(share)} cap ${capacity}` : percent(share);
  const now = text(edge.share, edge.capacity);
  return edge.was ? `${now} (was ${text(edge.was.share, edge.was.capacity)})` : now;
}

/** Rules of the graph grouped by interaction type, in the graph's type order. */
export function rulesByType(graph: RoutingGraph): Map<string, RuleNode[]> {
  const groups = new Map<string, RuleNode[]>(graph.interactionTypes.map((t) => [t, []]));
  for (const n of graph.nodes) if (n.kind === "rule") groups.get(n.interactionType)?.push(n);
  for (const list of groups.values()) list.sort((a, b) => a.priority - b.priority);
  return groups;
}
