/**
 * The routing graph (issue 20): a picture of what a rule set does and of what a change moves.
 *
 * - {@link buildRoutingGraph}: one rule set (the program's, a stack's state, a tenant) as nodes,
 *   edges and marks;
 * - {@link diffRuleSets} / {@link diffRoutingGraphs}: two rule sets as one graph, marked added,
 *   removed, changed, with the interactions that move;
 * - writers: {@link toMermaid} (Markdown: pull-request summaries), {@link toDot}, {@link toSvg}
 *   (Graphviz in WebAssembly), {@link toHtml} (self-contained page);
 * - selections: {@link focusGraph} (`--focus --depth`), {@link changedGraph} (`--changed`),
 *   {@link limitRules} (a cap on rules, touched ones first).
 *
 * A pull-request summary embeds the touched part of a change:
 * ```ts
 * const graph = diffRuleSets(tenantRules, programRules, { samples });
 * const markdown = "```mermaid\n" + toMermaid(graph, { changedOnly: true }) + "```";
 * ```
 */
export { buildRoutingGraph, type BuildGraphOptions } from "./build-graph";
export { diffRoutingGraphs, diffRuleSets } from "./diff-graph";
export { changedGraph, findRule, focusGraph, limitRules, type ChangedOptions } from "./select";
export { toMermaid, type MermaidOptions } from "./to-mermaid";
export { INLINE_TARGETS_ABOVE, toDot, type DotOptions } from "./to-dot";
export { loadLayoutEngine, toSvg, type SvgOptions } from "./to-svg";
export { toHtml, type HtmlOptions } from "./to-html";
export { routePath } from "./route-path";
export { GraphLayoutError, GraphUsageError } from "./graph-errors";
export type {
  ChangeKind,
  EdgeKind,
  GraphEdge,
  GraphNode,
  InteractionMove,
  OutsideNode,
  RoutingGraph,
  RuleMarks,
  RuleNode,
  TargetNode,
} from "./routing-graph";
export { markNames, ruleNodes } from "./routing-graph";
