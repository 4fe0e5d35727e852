import { GraphUsageError } from "./graph-errors";
import type { GraphNode, RoutingGraph } from "./routing-graph";

/** The graph restricted to `keep` (node ids): edges with both ends kept. */
export function restrict(graph: RoutingGraph, keep: ReadonlySet<string>): RoutingGraph {
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  return {
    ...graph,
    nodes,
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    interactionTypes: graph.interactionTypes.filter((t) => nodes.some((n) => n.kind === "rule" && n.interactionType === t)),
  };
}

/** Node ids within `depth` hops of `seeds`, edges taken both ways (breadth-first, no recursion). */
function neighbourhood(graph: RoutingGraph, seeds: readonly string[], depth: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let list = adjacent.get(a);
    if (!list) adjacent.set(a, (list = []));
    list.push(b);
  };
  for (const e of graph.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const hops = new Map(seeds.map((s) => [s, 0]));
  const queue = [...seeds];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const h = hops.get(v)!;
    if (h >= depth) continue;
    for (const w of adjacent.get(v) ?? []) {
      if (hops.has(w)) continue;
      hops.set(w, h + 1);
      queue.push(w);
    }
  }
  return new Set(hops.keys());
}

/** The rule a `--focus` names: its key, its name or its ref, exactly. */
export function findRule(graph: RoutingGraph, name: string): GraphNode {
  const hit = graph.nodes.find((n) => n.kind === "rule" && (n.key === name || n.name === name || n.ref === name));
  if (hit) return hit;
  const known = graph.nodes.flatMap((n) => (n.kind === "rule" ? [n.key] : []));
  throw new GraphUsageError(
    `--focus ${JSON.stringify(name)} names no rule of this rule set. Rules: ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", ..." : ""}`,
  );
}

/** `--focus <rule> --depth N`: the rule and everything within N hops (fallbacks, order, targets). */
export function focusGraph(graph: RoutingGraph, rule: string, depth: number): RoutingGraph {
  if (!Number.isInteger(depth) || depth < 0) throw new GraphUsageError(`--depth must be a whole number of hops (0 or more), got ${depth}`);
  return restrict(graph, neighbourhood(graph, [findRule(graph, rule).id], depth));
}

/** Options of {@link changedGraph}. */
export interface ChangedOptions {
  /**
   * Also the whole fallback chains of the touched rules, to their end (or a rule seen before):
   * where a changed rule's interactions go when its targets cannot take them.
   */
  readonly fallbackChains?: boolean;
}

/**
 * `--changed`: only what a diff touches (added, removed, changed nodes and edges' ends) plus one
 * hop of context, and with `fallbackChains` the touched rules' fallback chains. Unchanged graph
 * in, empty graph out.
 */
export function changedGraph(graph: RoutingGraph, options: ChangedOptions = {}): RoutingGraph {
  const touched = touchedIds(graph);
  const keep = neighbourhood(graph, [...touched], 1);
  if (options.fallbackChains) {
    const next = new Map<string, string[]>();
    for (const e of graph.edges) if (e.kind === "falls-back-to") next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    // Forward along fallbacks (a removed rule's old one too), each node once: cycles end.
    const queue = [...touched];
    const seen = new Set(queue);
    for (let head = 0; head < queue.length; head++) {
      for (const to of next.get(queue[head]!) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        keep.add(to);
        queue.push(to);
      }
    }
  }
  return restrict(graph, keep);
}

/** Ids of the nodes a diff touches: added, removed or changed, or at an end of such an edge. */
function touchedIds(graph: RoutingGraph): Set<string> {
  const touched = new Set<string>();
  for (const n of graph.nodes) if (n.change) touched.add(n.id);
  for (const e of graph.edges) {
    if (!e.change) continue;
    touched.add(e.from);
    touched.add(e.to);
  }
  return touched;
}

/**
 * At most `maxRules` rules, so that a picture of a large change stays readable (and a
 * pull-request comment within its size): the rules a diff touches first, then the others, each in
 * the graph's order; targets and outside nodes stay where a kept rule links to them.
 * `omitted`: how many rules were left out.
 */
export function limitRules(graph: RoutingGraph, maxRules: number): { graph: RoutingGraph; omitted: number } {
  if (!Number.isInteger(maxRules) || maxRules < 0)
    throw new GraphUsageError(`maxRules must be a whole number (0 or more), got ${maxRules}`);
  const rules = graph.nodes.filter((n) => n.kind === "rule");
  if (rules.length <= maxRules) return { graph, omitted: 0 };
  const touched = touchedIds(graph);
  const ranked = [...rules.filter((n) => touched.has(n.id)), ...rules.filter((n) => !touched.has(n.id))];
  const keep = new Set(ranked.slice(0, maxRules).map((n) => n.id));
  const ruleIds = new Set(rules.map((n) => n.id));
  for (const e of graph.edges) if (keep.has(e.from) && !ruleIds.has(e.to)) keep.add(e.to);
  return { graph: restrict(graph, keep), omitted: rules.length - maxRules };
}
