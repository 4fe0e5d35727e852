import type { AnalyzableRule } from "./analyzable-rule";
import { DEFAULT_MAX_CHAIN_DEPTH } from "./constants";
import { closestName } from "./edit-distance";
import type { FallbackGraph } from "./fallback-graph";
import { buildFallbackGraph, edgeField, findFallbackCycles, peelFallbackGraph } from "./fallback-graph";
import type { Finding, FindingSeverity } from "./findings";
import { InvalidOptionsError } from "./invalid-options-error";
import type { RuleIndex } from "./rule-index";
import { indexRules } from "./rule-index";
import { findPriorityTies, findShadowedRules } from "./rule-overlap";

/** Options of {@link analyzeRuleSet}. */
export interface RuleSetAnalysisOptions {
  /** Longest fallback chain, in hops, before a chain is reported. Default 5. */
  readonly maxChainDepth?: number;
  /** Raise warning kinds to errors. Each defaults to "warning". */
  readonly severity?: {
    readonly duplicatePriority?: FindingSeverity;
    readonly shadowed?: FindingSeverity;
    readonly chainDepth?: FindingSeverity;
  };
}

/** Findings of {@link analyzeRuleSet}: errors should fail the preview, warnings are reported. */
export interface RuleSetAnalysis {
  readonly errors: Finding[];
  readonly warnings: Finding[];
}

/** Longest chains are shown with this many rules at most (the rest elided). */
const MAX_SHOWN_CHAIN = 12;
/** Other rules named in one duplicate-priority finding before "and N more". */
const MAX_SHOWN_TIES = 3;

function resolveOptions(options: RuleSetAnalysisOptions) {
  const maxChainDepth = options.maxChainDepth ?? DEFAULT_MAX_CHAIN_DEPTH;
  if (!Number.isInteger(maxChainDepth) || maxChainDepth < 0) {
    throw new InvalidOptionsError(`maxChainDepth must be a non-negative integer, got ${maxChainDepth}`);
  }
  const severity = options.severity ?? {};
  for (const [kind, value] of Object.entries(severity)) {
    if (value !== undefined && value !== "error" && value !== "warning") {
      throw new InvalidOptionsError(`severity.${kind} must be "error" or "warning", got ${String(value)}`);
    }
  }
  return {
    maxChainDepth,
    duplicatePriority: severity.duplicatePriority ?? "warning",
    shadowed: severity.shadowed ?? "warning",
    chainDepth: severity.chainDepth ?? "warning",
  };
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function cycleFindings(index: RuleIndex, graph: FallbackGraph, core: readonly number[]): Finding[] {
  return findFallbackCycles(graph, core).map((cycle) => ({
    key: index.rules[cycle[0]!]!.key,
    field: edgeField(graph, cycle[0]!, cycle[1]!),
    reason: `fallback cycle ${cycle.map((v) => index.rules[v]!.key).join(" -> ")}`,
    code: "fallback_cycle",
  }));
}

function danglingFindings(index: RuleIndex, dangling: ReturnType<typeof buildFallbackGraph>["dangling"]): Finding[] {
  return dangling.map(({ from, name }) => {
    const suggestion = closestName(name, index.indexByKey.keys());
    const hint = suggestion === undefined ? "" : `; did you mean ${quote(suggestion)}?`;
    return {
      key: index.rules[from]!.key,
      field: "fallback",
      reason: `fallback ${quote(name)} names no routing rule in this program${hint}`,
      code: "fallback_missing",
    };
  });
}

function renderChain(index: RuleIndex, next: Int32Array, start: number): string {
  const keys: string[] = [];
  let nodes = 0;
  let last = start;
  for (let v = start; v !== -1; v = next[v]!) {
    if (keys.length < MAX_SHOWN_CHAIN - 1) keys.push(index.rules[v]!.key);
    last = v;
    nodes++;
  }
  if (nodes > MAX_SHOWN_CHAIN) keys.push("…");
  if (nodes >= MAX_SHOWN_CHAIN) keys.push(index.rules[last]!.key);
  return keys.join(" -> ");
}

/**
 * Chains longer than the limit, reported once at the rule where each chain starts: a rule
 * none of whose predecessors has a finite chain (any such predecessor would have an even
 * longer chain and be reported instead).
 */
function chainDepthFindings(index: RuleIndex, graph: FallbackGraph, depth: Int32Array, next: Int32Array, maxChainDepth: number): Finding[] {
  const findings: Finding[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (depth[v]! <= maxChainDepth) continue;
    let startsChain = true;
    for (let i = graph.predecessorStart[v]!; i < graph.predecessorStart[v + 1]!; i++) {
      if (depth[graph.predecessors[i]!]! >= 0) startsChain = false;
    }
    if (!startsChain) continue;
    findings.push({
      key: index.rules[v]!.key,
      field: edgeField(graph, v, next[v]!),
      reason: `fallback chain is ${depth[v]} hops deep, more than the limit of ${maxChainDepth}: ${renderChain(index, next, v)}`,
      code: "fallback_chain_too_deep",
    });
  }
  return findings;
}

function tieFindings(index: RuleIndex): Finding[] {
  const findings: Finding[] = [];
  for (const group of findPriorityTies(index.rules)) {
    for (const member of group) {
      const others = group.filter((other) => other !== member);
      const shown = others.slice(0, MAX_SHOWN_TIES).map((other) => quote(index.rules[other]!.key));
      const more = others.length > MAX_SHOWN_TIES ? ` and ${others.length - MAX_SHOWN_TIES} more` : "";
      const rule = index.rules[member]!;
      findings.push({
        key: rule.key,
        field: "priority",
        reason: `priority ${rule.priority} is also used by ${shown.join(", ")}${more} for ${rule.interactionType} interactions; the order between rules with equal priority is undefined`,
        code: "duplicate_priority",
      });
    }
  }
  return findings.sort((a, b) => index.indexByKey.get(a.key)! - index.indexByKey.get(b.key)!);
}

function shadowFindings(index: RuleIndex): Finding[] {
  return findShadowedRules(index.rules).map(({ shadowed, by }) => {
    const rule = index.rules[shadowed]!;
    const earlier = index.rules[by]!;
    const why =
      earlier.conditions.length === 0
        ? `it has no conditions, so it matches every ${rule.interactionType} interaction`
        : "its conditions are a subset of this rule's";
    return {
      key: rule.key,
      field: "conditions",
      reason: `rule can never match: ${quote(earlier.key)} (priority ${earlier.priority}) is evaluated first and matches everything this rule matches (${why})`,
      code: "shadowed_rule",
    };
  });
}

/**
 * Stack-wide analysis of every routing rule the program declares.
 *
 * Errors: fallback cycles (each reported once, as a full path starting at the rule declared
 * first, e.g. `vip -> overflow -> general -> vip`; a rule falling back to itself is a cycle too)
 * and `fallback` names that match no rule (with a "did you mean" suggestion when close).
 * Warnings, each of which can be raised to an error through `options.severity`: equal
 * priorities within one interaction type, rules that can never match because an earlier
 * enabled rule of the same type has a subset of their conditions, and fallback chains deeper
 * than `options.maxChainDepth`.
 *
 * A `fallbackRuleId` equal to the known `id` of another program rule is an edge to that rule;
 * other ids point outside the program (see {@link findRemoteCycles}). Rules are identified by
 * `key`; if a key repeats, its first occurrence is used.
 *
 * Runs in time linear in rules + fallback edges for rules with a bounded number of conditions
 * (see `rule-overlap.ts` for the shadowing index).
 *
 * @throws {@link InvalidOptionsError} for nonsensical options.
 */
export function analyzeRuleSet(rules: readonly AnalyzableRule[], options: RuleSetAnalysisOptions = {}): RuleSetAnalysis {
  const resolved = resolveOptions(options);
  const index = indexRules(rules);
  const { graph, dangling } = buildFallbackGraph(index);
  const { depth, next, core } = peelFallbackGraph(graph);

  const errors: Finding[] = [...cycleFindings(index, graph, core), ...danglingFindings(index, dangling)];
  const warnings: Finding[] = [];
  const add = (severity: FindingSeverity, findings: Finding[]): void => {
    (severity === "error" ? errors : warnings).push(...findings);
  };
  add(resolved.duplicatePriority, tieFindings(index));
  add(resolved.shadowed, shadowFindings(index));
  add(resolved.chainDepth, chainDepthFindings(index, graph, depth, next, resolved.maxChainDepth));
  return { errors, warnings };
}
