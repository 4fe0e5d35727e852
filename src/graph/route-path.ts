import { describeCondition } from "../routing/describe-route";
import { createRoutingEvaluator, type EvaluableRule, type Interaction } from "../routing/routing-evaluator";
import { buildRoutingGraph, type BuildGraphOptions } from "./build-graph";
import type { RoutingGraph } from "./routing-graph";
import { restrict } from "./select";

/**
 * `explain --graph`: the path one interaction takes, as a graph. The rules of its type the
 * evaluator tried, in order, each noting why it did not take the interaction (disabled, or the
 * condition that failed), the rule that matched, its fallback chain, and the targets of those
 * rules. Marks are the whole rule set's (a shadowed rule on the path stays marked).
 */
export function routePath(rules: readonly EvaluableRule[], interaction: Interaction, options: BuildGraphOptions = {}): RoutingGraph {
  const graph = buildRoutingGraph(rules, options);
  const evaluator = createRoutingEvaluator(rules);
  const notes = new Map<string, string>();
  for (const verdict of evaluator.explain(interaction)) {
    if (verdict.outcome === "disabled") notes.set(verdict.rule.key, "skipped: disabled");
    else if (verdict.outcome === "condition_failed") {
      const given =
        verdict.actual === undefined || verdict.actual === null ? "attribute missing" : `given ${JSON.stringify(verdict.actual)}`;
      notes.set(verdict.rule.key, `no: ${describeCondition(verdict.condition)} (${given})`);
    } else notes.set(verdict.rule.key, "MATCH");
  }
  const decision = evaluator.route(interaction);
  decision.fallbackChain.forEach((rule, i) => {
    if (!notes.has(rule.key)) notes.set(rule.key, `fallback ${i + 1}${decision.servedBy === rule ? ", serves it" : ""}`);
  });
  const onPath = new Set<string>();
  const nodes = graph.nodes.map((node) => {
    if (node.kind !== "rule" || !notes.has(node.key)) return node;
    onPath.add(node.id);
    return { ...node, note: notes.get(node.key)! };
  });
  // The targets and outside exits of the matched rule and its chain.
  const chain = new Set([decision.rule, ...decision.fallbackChain].filter((r) => r !== undefined).map((r) => r.key));
  const chainIds = new Set(nodes.filter((n) => n.kind === "rule" && chain.has(n.key)).map((n) => n.id));
  for (const e of graph.edges) if (chainIds.has(e.from) && e.kind !== "evaluated-next") onPath.add(e.to);
  // Skipped rules of other types never appear; evaluated-next edges between tried rules stay.
  return restrict({ ...graph, nodes }, onPath);
}
