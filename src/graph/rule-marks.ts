import { shadowWitness } from "../routing/behaviour-warnings";
import type { EvaluableRule, Interaction, RoutingEvaluator } from "../routing/routing-evaluator";
import { weightedTargets } from "../routing/routing-evaluator";
import type { AnalyzableRule } from "../validation/analyzable-rule";
import { buildFallbackGraph, findFallbackCycles, peelFallbackGraph } from "../validation/fallback-graph";
import { indexRules } from "../validation/rule-index";
import { findShadowedRules } from "../validation/rule-overlap";

/** Per-rule findings, by index into the rules given to {@link computeMarks}. */
export interface IndexedMarks {
  /** The cycle each rule lies on (indexes, `[a, b, a]`), or undefined. */
  readonly cycleOf: ReadonlyArray<readonly number[] | undefined>;
  /** Fallback edges on a cycle, as `"from>to"` index keys. */
  readonly cycleEdges: ReadonlySet<string>;
  readonly deadEnd: Uint8Array;
  readonly shadowedBy: ReadonlyArray<{ readonly by: number; readonly witness?: string } | undefined>;
  /** Longest fallback chain in hops (the analysis's figure), -1 when it runs into a cycle. */
  readonly depth: Int32Array;
  /** 1 when the rule is caught by or falls back from a sample's route; all 0 without samples. */
  readonly reached: Uint8Array;
}

/**
 * Every finding the graph shows, in time linear in rules + fallback edges (plus one route per
 * sample), reusing the stack-wide analysis (src/validation: fallback graph, its peeling, cycle
 * search, shadowing trie) and the evaluator (src/routing: witnesses, routes). No recursion.
 * `rules` must have unique keys (the caller keeps each key's first occurrence).
 */
export function computeMarks(rules: readonly EvaluableRule[], evaluator: RoutingEvaluator, samples: readonly Interaction[]): IndexedMarks {
  const n = rules.length;
  const analyzable: AnalyzableRule[] = rules.map((r) => ({
    key: r.key,
    name: r.name,
    priority: r.priority,
    enabled: r.enabled,
    interactionType: r.interactionType,
    conditions: r.conditions.map((c) => ({ field: c.field, operator: c.operator, value: c.value })),
    ...(r.fallback !== undefined ? { fallback: r.fallback } : {}),
    ...(r.fallbackRuleId !== undefined ? { fallbackRuleId: r.fallbackRuleId } : {}),
    ...(r.id !== undefined ? { id: r.id } : {}),
  }));
  const index = indexRules(analyzable);
  const { graph } = buildFallbackGraph(index);
  const { depth, core } = peelFallbackGraph(graph);

  const cycleOf: Array<number[] | undefined> = new Array(n).fill(undefined);
  const cycleEdges = new Set<string>();
  for (const cycle of findFallbackCycles(graph, core)) {
    for (let i = 0; i + 1 < cycle.length; i++) {
      cycleOf[cycle[i]!] = cycle;
      cycleEdges.add(`${cycle[i]}>${cycle[i + 1]}`);
    }
  }
  // Other rules of a cyclic component than the shortest cycle's: on some cycle too.
  for (const v of core) {
    if (cycleOf[v]) continue;
    for (const w of [graph.byName[v]!, graph.byId[v]!]) {
      if (w >= 0 && cycleOf[w]) {
        cycleOf[v] = cycleOf[w];
        break;
      }
    }
  }

  const shadowedBy: Array<{ by: number; witness?: string } | undefined> = new Array(n).fill(undefined);
  for (const { shadowed, by } of findShadowedRules(index.rules)) {
    const witness = shadowWitness(evaluator, rules[shadowed]!);
    shadowedBy[shadowed] = { by, ...(witness ? { witness } : {}) };
  }

  return { cycleOf, cycleEdges, deadEnd: deadEnds(rules, evaluator), shadowedBy, depth, reached: reachedBy(rules, evaluator, samples) };
}

/**
 * Rules whose route serves no target: neither the rule nor any rule of its fallback chain (as
 * the evaluator follows it) has a weighted target, and the chain does not leave the set. Each
 * rule has at most one fallback the evaluator follows, so one walk per unresolved path, with
 * results kept, is linear; a cycle is served when any of its rules has targets.
 */
function deadEnds(rules: readonly EvaluableRule[], evaluator: RoutingEvaluator): Uint8Array {
  const n = rules.length;
  const position = new Map(rules.map((r, i) => [r, i]));
  // 0 unknown, 1 served (or leaves the set), 2 dead end, 3 on the current walk
  const state = new Uint8Array(n);
  const walk: number[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    walk.length = 0;
    let v = start;
    let result = 0;
    for (;;) {
      if (state[v] === 1 || state[v] === 2) {
        result = state[v]!;
        break;
      }
      if (state[v] === 3) {
        // A cycle: served when one of its rules (from v on the walk) has targets.
        const from = walk.indexOf(v);
        result = walk.slice(from).some((u) => weightedTargets(rules[u]!).length > 0) ? 1 : 2;
        break;
      }
      if (weightedTargets(rules[v]!).length > 0) {
        state[v] = 1;
        result = 1;
        break;
      }
      state[v] = 3;
      walk.push(v);
      const next = evaluator.fallbackOf(rules[v]!);
      if (!next) {
        result = 2;
        break;
      }
      if (next.rule === undefined) {
        result = 1; // leaves the set: what serves it is not known here
        break;
      }
      v = position.get(next.rule)!;
    }
    for (const u of walk) state[u] = result;
  }
  const dead = new Uint8Array(n);
  for (let v = 0; v < n; v++) dead[v] = state[v] === 2 ? 1 : 0;
  return dead;
}

/** Rules some sample reaches: the rule that catches it and the rules of its fallback chain. */
function reachedBy(rules: readonly EvaluableRule[], evaluator: RoutingEvaluator, samples: readonly Interaction[]): Uint8Array {
  const position = new Map(rules.map((r, i) => [r, i]));
  const reached = new Uint8Array(rules.length);
  for (const sample of samples) {
    const route = evaluator.route(sample);
    if (!route.rule) continue;
    for (const rule of [route.rule, ...route.fallbackChain]) {
      const at = position.get(rule);
      if (at !== undefined) reached[at] = 1;
    }
  }
  return reached;
}
