/**
 * The routing graph: what a rule set does, as nodes (rules, targets) and edges (evaluated next,
 * falls back to, sends to), with the analysis's findings as marks. Plain data, so every writer
 * (Mermaid, DOT, SVG, HTML) and the pull-request summary read the same thing.
 */

/** How a node or edge differs from the other rule set of a diff. */
export type ChangeKind = "added" | "removed" | "changed";

/** What the analysis found on one rule. Absent fields mean "not found". */
export interface RuleMarks {
  /** The rule lies on a fallback cycle: the cycle as rule refs, `[a, b, a]`. */
  readonly cycle?: readonly string[];
  /** An interaction this rule catches is served by no target: no weighted target on it or its fallback chain. */
  readonly deadEnd?: boolean;
  /** The rule can never match: the earlier rule that always does, and an interaction that shows it. */
  readonly shadowedBy?: { readonly ref: string; readonly witness?: string };
  /** Hops of the longest fallback chain from this rule, when more than the graph's `maxFallbackDepth`. */
  readonly deepChain?: number;
  /** The rule's fallback is a rule of another interaction type. */
  readonly crossType?: boolean;
  /** Samples (test cases, corpus lines) were given and none is caught by or falls back to this rule. */
  readonly unreached?: boolean;
}

/** A routing rule. */
export interface RuleNode {
  readonly kind: "rule";
  /** Safe in every output format (`r0`, `r1`...): letters and digits only. */
  readonly id: string;
  /** Identity across rule sets: the rule's CXone name, with its key when two rules share a name. */
  readonly ref: string;
  /** The program's logical name, the state's logical name or the tenant's id. */
  readonly key: string;
  readonly name: string;
  readonly priority: number;
  readonly interactionType: string;
  readonly enabled: boolean;
  /** `customerSegment equals "vip" and callDuration lessThan 120`, or `any interaction`. */
  readonly conditions: string;
  readonly marks: RuleMarks;
  readonly change?: ChangeKind;
  /** For a changed rule: which of its fields differ (priority, conditions, targets, fallback...). */
  readonly changedFields?: readonly string[];
  /** On a route's path (explain --graph): what this rule did with the interaction. */
  readonly note?: string;
}

/** A queue, skill or agent that rules send to. */
export interface TargetNode {
  readonly kind: "target";
  readonly id: string;
  /** `queue:general`: the type and the label. */
  readonly ref: string;
  readonly targetType: string;
  /** The CXone id. */
  readonly targetId: string;
  /** What the graph shows: a logical name when the caller knows one, else the id. */
  readonly label: string;
  readonly change?: ChangeKind;
}

/** A fallback id that no rule of the set has: the chain leaves the set there. */
export interface OutsideNode {
  readonly kind: "outside";
  readonly id: string;
  readonly ref: string;
  readonly label: string;
  readonly change?: ChangeKind;
}

export type GraphNode = RuleNode | TargetNode | OutsideNode;

/** `evaluated-next`: priority order within a type; `falls-back-to`; `sends-to`: a rule's target. */
export type EdgeKind = "evaluated-next" | "falls-back-to" | "sends-to";

export interface GraphEdge {
  readonly kind: EdgeKind;
  /** Node ids. */
  readonly from: string;
  readonly to: string;
  /** sends-to: the target's weight (0..100), capacity and share of the rule's traffic (0..1). */
  readonly weight?: number;
  readonly capacity?: number;
  readonly share?: number;
  /** falls-back-to: the two rules have different interaction types. */
  readonly crossType?: boolean;
  /** falls-back-to: the edge lies on a fallback cycle. */
  readonly inCycle?: boolean;
  readonly change?: ChangeKind;
  /** A changed sends-to edge: its weight, capacity and share in the other rule set. */
  readonly was?: { readonly weight?: number; readonly capacity?: number; readonly share?: number };
}

/** Traffic that moves between two rules in a diff (the samples' routes before and after). */
export interface InteractionMove {
  readonly before: string;
  readonly after: string;
  readonly count: number;
}

export interface RoutingGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Interaction types in first-seen order: the writers group rules by them. */
  readonly interactionTypes: readonly string[];
  /** Chains with more hops are marked `deepChain`. */
  readonly maxFallbackDepth: number;
  /** How many samples marked `unreached`, when any were given. */
  readonly samples?: number;
  /** Diffs only: how the samples' routes move, largest first. */
  readonly moves?: readonly InteractionMove[];
  /** Diffs only: how many samples route differently. */
  readonly movedSamples?: number;
}

/** The rules of a graph, in its node order. */
export function ruleNodes(graph: RoutingGraph): RuleNode[] {
  return graph.nodes.filter((n): n is RuleNode => n.kind === "rule");
}

/** Names of the marks set on a rule, for CSS classes and legends: `cycle`, `dead-end`... */
export function markNames(marks: RuleMarks): string[] {
  const names: string[] = [];
  if (marks.cycle) names.push("cycle");
  if (marks.deadEnd) names.push("dead-end");
  if (marks.shadowedBy) names.push("shadowed");
  if (marks.deepChain !== undefined) names.push("deep-chain");
  if (marks.crossType) names.push("cross-type");
  if (marks.unreached) names.push("unreached");
  return names;
}
