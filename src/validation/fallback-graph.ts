import { cyclicComponentsOf, indexGraph, shortestCycles } from "./cyclic-components";
import type { RuleIndex } from "./rule-index";
import { isKnownId } from "./rule-index";

/**
 * The "falls back to" relation between the program's rules, over rule indexes.
 *
 * A rule has at most two outgoing edges (its `fallback` name and its `fallbackRuleId` when that
 * is the id of another program rule), so plain typed arrays are enough and every pass below is
 * O(rules + edges).
 */
export interface FallbackGraph {
  readonly nodeCount: number;
  /** Index of the rule named by `fallback`, or -1. */
  readonly byName: Int32Array;
  /** Index of the program rule whose id is `fallbackRuleId`, or -1. */
  readonly byId: Int32Array;
  /** Predecessors in CSR form: those of rule v are `predecessors[predecessorStart[v] .. predecessorStart[v + 1])`. */
  readonly predecessorStart: Int32Array;
  readonly predecessors: Int32Array;
}

/** A `fallback` naming no rule of the program. */
export interface DanglingFallback {
  readonly from: number;
  readonly name: string;
}

/** Builds the graph and lists the fallback names that point nowhere. */
export function buildFallbackGraph(index: RuleIndex): { graph: FallbackGraph; dangling: DanglingFallback[] } {
  const nodeCount = index.rules.length;
  const byName = new Int32Array(nodeCount).fill(-1);
  const byId = new Int32Array(nodeCount).fill(-1);
  const dangling: DanglingFallback[] = [];
  const inDegree = new Int32Array(nodeCount + 1);

  index.rules.forEach((rule, v) => {
    if (typeof rule.fallback === "string") {
      const target = index.indexByKey.get(rule.fallback);
      if (target === undefined) dangling.push({ from: v, name: rule.fallback });
      else byName[v] = target;
    }
    if (isKnownId(rule.fallbackRuleId)) {
      const target = index.indexById.get(rule.fallbackRuleId);
      if (target !== undefined && target !== byName[v]) byId[v] = target;
    }
    if (byName[v]! >= 0) inDegree[byName[v]!]!++;
    if (byId[v]! >= 0) inDegree[byId[v]!]!++;
  });

  const predecessorStart = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) predecessorStart[v + 1] = predecessorStart[v]! + inDegree[v]!;
  const fill = predecessorStart.slice(0, nodeCount);
  const predecessors = new Int32Array(predecessorStart[nodeCount]!);
  for (let v = 0; v < nodeCount; v++) {
    if (byName[v]! >= 0) predecessors[fill[byName[v]!]!++] = v;
    if (byId[v]! >= 0) predecessors[fill[byId[v]!]!++] = v;
  }
  return { graph: { nodeCount, byName, byId, predecessorStart, predecessors }, dangling };
}

/** Successors of `v`: the `fallback` target first, then the `fallbackRuleId` target. */
export function successorsOf(graph: FallbackGraph, v: number): number[] {
  const result: number[] = [];
  if (graph.byName[v]! >= 0) result.push(graph.byName[v]!);
  if (graph.byId[v]! >= 0) result.push(graph.byId[v]!);
  return result;
}

/** The input property that creates the edge `from -> to`. */
export function edgeField(graph: FallbackGraph, from: number, to: number): "fallback" | "fallbackRuleId" {
  return graph.byName[from] === to ? "fallback" : "fallbackRuleId";
}

/** Result of peeling the acyclic parts off the graph. */
export interface FallbackLayers {
  /** Hops of the longest fallback chain starting at each rule; -1 when the chain can run into a cycle. */
  readonly depth: Int32Array;
  /** The next rule on that longest chain, or -1 at its end. */
  readonly next: Int32Array;
  /** Rules that lie on a cycle or between cycles (the only place cycles can be), ascending. */
  readonly core: number[];
}

/**
 * Peels the graph in two linear passes (Kahn's algorithm in both directions):
 * 1. repeatedly remove rules whose fallbacks are all removed (chain ends first), computing
 *    each removed rule's longest chain on the way; what remains can reach a cycle;
 * 2. among those, repeatedly remove rules no remaining rule falls back to (tails leading into
 *    cycles). What remains is the cyclic core, usually just the rules on cycles.
 * Keeping the core small keeps the cycle search (an iterative Tarjan, see cyclic-components.ts)
 * away from the long acyclic chains a big program can have.
 */
export function peelFallbackGraph(graph: FallbackGraph): FallbackLayers {
  const n = graph.nodeCount;
  const { byName, byId, predecessorStart, predecessors } = graph;
  const depth = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const pending = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  // Hot loops over every rule: the (at most two) successors are read directly, no arrays.
  for (let v = 0; v < n; v++) {
    pending[v] = (byName[v]! >= 0 ? 1 : 0) + (byId[v]! >= 0 ? 1 : 0);
    if (pending[v] === 0) queue[tail++] = v;
  }
  while (head < tail) {
    const v = queue[head++]!;
    const a = byName[v]!;
    const b = byId[v]!;
    let best = 0;
    if (a >= 0 && depth[a]! + 1 > best) {
      best = depth[a]! + 1;
      next[v] = a;
    }
    if (b >= 0 && depth[b]! + 1 > best) {
      best = depth[b]! + 1;
      next[v] = b;
    }
    depth[v] = best;
    for (let i = predecessorStart[v]!; i < predecessorStart[v + 1]!; i++) {
      const u = predecessors[i]!;
      if (--pending[u]! === 0) queue[tail++] = u;
    }
  }

  // Second pass over what is left (rules whose chain can reach a cycle), usually nothing.
  const remaining = new Uint8Array(n);
  let remainingCount = 0;
  for (let v = 0; v < n; v++) {
    if (depth[v] === -1) {
      remaining[v] = 1;
      remainingCount++;
    }
  }
  if (remainingCount === 0) return { depth, next, core: [] };
  pending.fill(0);
  for (let v = 0; v < n; v++) {
    if (!remaining[v]) continue;
    for (const w of successorsOf(graph, v)) if (remaining[w]) pending[w]!++;
  }
  head = 0;
  tail = 0;
  for (let v = 0; v < n; v++) if (remaining[v] && pending[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const v = queue[head++]!;
    remaining[v] = 0;
    for (const w of successorsOf(graph, v)) {
      if (remaining[w] && --pending[w]! === 0) queue[tail++] = w;
    }
  }
  const core: number[] = [];
  for (let v = 0; v < n; v++) if (remaining[v]) core.push(v);
  return { depth, next, core };
}

/**
 * One cycle per cyclic component, each as `[first, ..., first]` starting at the rule declared
 * first in the program, sorted by that rule. Every rule of a component is on some cycle, so
 * reporting one cycle per component reports each cycle once in the normal single-fallback case.
 */
export function findFallbackCycles(graph: FallbackGraph, core: readonly number[]): number[][] {
  if (core.length === 0) return [];
  // The core as a graph of its own (local index = position in `core`); edges leaving it cannot be on a cycle.
  const local = new Int32Array(graph.nodeCount).fill(-1);
  core.forEach((v, i) => {
    local[v] = i;
  });
  const coreGraph = indexGraph(core.length, (i) => {
    const v = core[i]!;
    const out: number[] = [];
    const a = graph.byName[v]!;
    const b = graph.byId[v]!;
    if (a >= 0 && local[a]! >= 0) out.push(local[a]!);
    if (b >= 0 && local[b]! >= 0) out.push(local[b]!);
    return out;
  });
  const components = cyclicComponentsOf(coreGraph);
  // `core` is ascending, so the smallest local index is the rule declared first.
  return shortestCycles(coreGraph, components, (component) => component.reduce((x, y) => Math.min(x, y)))
    .map((cycle) => cycle.map((i) => core[i]!))
    .sort((x, y) => x[0]! - y[0]!);
}
