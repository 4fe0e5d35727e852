import { describeCondition } from "../routing/describe-route";
import {
  createRoutingEvaluator,
  weightedTargets,
  type EvaluableRule,
  type EvaluableTarget,
  type Interaction,
} from "../routing/routing-evaluator";
import { DEFAULT_MAX_CHAIN_DEPTH } from "../validation/constants";
import { computeMarks } from "./rule-marks";
import type { GraphEdge, GraphNode, OutsideNode, RoutingGraph, RuleMarks, RuleNode, TargetNode } from "./routing-graph";

/** Options of {@link buildRoutingGraph}. */
export interface BuildGraphOptions {
  /** Chains with more hops are marked. Default 5, as the analysis's `maxChainDepth`. */
  readonly maxFallbackDepth?: number;
  /**
   * Test cases' and corpus lines' interactions: rules none of them reaches are marked
   * `unreached`. Without samples nothing is marked so.
   */
  readonly samples?: readonly Interaction[];
  /**
   * The name a target is shown and compared by, e.g. the config key that holds a queue id
   * (`vip-pool-1` for `q-dev-vip-01`), so that two stacks' graphs compare in logical terms.
   * Default: the target's id.
   */
  readonly targetLabel?: (target: EvaluableTarget) => string | undefined;
  /**
   * What a fallback outside the set is shown as, e.g. the rule's name where the caller knows it
   * (a preview's `fallbackRuleName`). The node is still identified by the id. Default: the id.
   */
  readonly outsideLabel?: (fallbackId: string) => string | undefined;
}

function conditionSummary(rule: EvaluableRule): string {
  return rule.conditions.length === 0 ? "any interaction" : rule.conditions.map(describeCondition).join(" and ");
}

/** Each key's first occurrence, as the analysis and the provider keep it. */
function uniqueByKey(rules: readonly EvaluableRule[]): EvaluableRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => !seen.has(r.key) && seen.add(r.key));
}

/** The name, or `name (key)` when two rules share the name. */
function refsOf(rules: readonly EvaluableRule[]): string[] {
  const count = new Map<string, number>();
  for (const r of rules) count.set(r.name, (count.get(r.name) ?? 0) + 1);
  return rules.map((r) => (count.get(r.name)! > 1 ? `${r.name} (${r.key})` : r.name));
}

/**
 * The routing graph of one rule set, whatever its source: the program's declared rules, a
 * stack's state or a tenant (see `src/cli/graph-sources.ts` for those three). Rules are nodes with
 * their findings as marks (cycles, dead ends, shadowed rules with a witness, chains deeper than
 * `maxFallbackDepth`, fallbacks crossing interaction types, rules no sample reaches); targets are
 * nodes too, shared by the rules that send to them. Linear in rules + targets + fallbacks (plus
 * one route per sample), with no recursion: 2,000 rules take milliseconds.
 */
export function buildRoutingGraph(input: readonly EvaluableRule[], options: BuildGraphOptions = {}): RoutingGraph {
  const rules = uniqueByKey(input);
  const maxFallbackDepth = options.maxFallbackDepth ?? DEFAULT_MAX_CHAIN_DEPTH;
  const evaluator = createRoutingEvaluator(rules);
  const samples = options.samples ?? [];
  const marks = computeMarks(rules, evaluator, samples);
  const refs = refsOf(rules);
  const position = new Map(rules.map((r, i) => [r, i]));
  const ruleId = (i: number) => `r${i}`;

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const interactionTypes: string[] = [];
  const targets = new Map<string, TargetNode>();
  const outside = new Map<string, OutsideNode>();

  rules.forEach((rule, i) => {
    if (!interactionTypes.includes(rule.interactionType)) interactionTypes.push(rule.interactionType);
    const fallback = evaluator.fallbackOf(rule);
    const next = fallback?.rule ? position.get(fallback.rule) : undefined;
    const cycle = marks.cycleOf[i];
    const shadow = marks.shadowedBy[i];
    const ruleMarks: RuleMarks = {
      ...(cycle ? { cycle: cycle.map((v) => refs[v]!) } : {}),
      ...(marks.deadEnd[i] ? { deadEnd: true } : {}),
      ...(shadow ? { shadowedBy: { ref: refs[shadow.by]!, ...(shadow.witness ? { witness: shadow.witness } : {}) } } : {}),
      ...(marks.depth[i]! > maxFallbackDepth ? { deepChain: marks.depth[i]! } : {}),
      ...(next !== undefined && rules[next]!.interactionType !== rule.interactionType ? { crossType: true } : {}),
      ...(samples.length > 0 && !marks.reached[i] ? { unreached: true } : {}),
    };
    const node: RuleNode = {
      kind: "rule",
      id: ruleId(i),
      ref: refs[i]!,
      key: rule.key,
      name: rule.name,
      priority: rule.priority,
      interactionType: rule.interactionType,
      enabled: rule.enabled,
      conditions: conditionSummary(rule),
      marks: ruleMarks,
    };
    nodes.push(node);

    if (next !== undefined) {
      edges.push({
        kind: "falls-back-to",
        from: node.id,
        to: ruleId(next),
        ...(ruleMarks.crossType ? { crossType: true } : {}),
        ...(marks.cycleEdges.has(`${i}>${next}`) ? { inCycle: true } : {}),
      });
    } else if (fallback?.outside !== undefined) {
      let exit = outside.get(fallback.outside);
      if (!exit) {
        const label = options.outsideLabel?.(fallback.outside) ?? fallback.outside;
        exit = { kind: "outside", id: `x${outside.size}`, ref: `outside:${fallback.outside}`, label };
        outside.set(fallback.outside, exit);
      }
      edges.push({ kind: "falls-back-to", from: node.id, to: exit.id });
    }

    const shares = new Map(weightedTargets(rule).map((t) => [`${t.type}\u0000${t.id}`, t.share]));
    for (const t of rule.targets ?? []) {
      const label = options.targetLabel?.(t) ?? t.id;
      const ref = `${t.type}:${label}`;
      let target = targets.get(ref);
      if (!target) {
        target = { kind: "target", id: `t${targets.size}`, ref, targetType: t.type, targetId: t.id, label };
        targets.set(ref, target);
      }
      edges.push({
        kind: "sends-to",
        from: node.id,
        to: target.id,
        weight: t.weight,
        ...(t.capacity !== undefined ? { capacity: t.capacity } : {}),
        share: shares.get(`${t.type}\u0000${t.id}`) ?? 0,
      });
    }
  });

  // Priority order within each type, as CXone evaluates: enabled rules only (disabled ones are skipped).
  for (const type of interactionTypes) {
    const ordered = evaluator.ordered(type).filter((r) => r.enabled);
    for (let k = 0; k + 1 < ordered.length; k++) {
      edges.push({ kind: "evaluated-next", from: ruleId(position.get(ordered[k]!)!), to: ruleId(position.get(ordered[k + 1]!)!) });
    }
  }

  return {
    nodes: [...nodes, ...targets.values(), ...outside.values()],
    edges,
    interactionTypes,
    maxFallbackDepth,
    ...(samples.length > 0 ? { samples: samples.length } : {}),
  };
}
