import type { AnalyzableCondition, AnalyzableRule } from "./analyzable-rule";

/**
 * Rules that can never match, and priority ties, within each interaction type.
 *
 * Rule B is shadowed by rule A when both are enabled, have the same interaction type, A is
 * evaluated first (lower priority number) and A's conditions are a subset of B's: conditions
 * are ANDed, so every interaction matching B also matches A, and A wins. Conditions are
 * compared as (field, operator, JSON value) triples; `conditionGroupId` is metadata.
 *
 * Complexity. Each distinct condition is interned to an integer (nested maps, no string
 * building for scalar values), and each rule's condition set becomes its sorted id list. Per
 * interaction type, the sets go into a trie; each trie node remembers the earliest-evaluated
 * rule whose set ends there and the lowest priority anywhere below it. To test rule B, a depth-
 * first walk follows only children whose id is in B's set, so it visits exactly the trie nodes
 * that are subsets of B (skipping subtrees that cannot contain an earlier rule). That is at
 * most min(2^k, trie size) nodes for a rule with k conditions and, for realistic programs
 * (k <= 10, conditions drawn from a shared vocabulary), a handful: the whole check is
 * O(total conditions) to build plus a small constant per rule, i.e. linear. The adversarial
 * worst case (many rules whose sets are all subsets of one another) is O(rules x trie size).
 */

/** A rule that can never match and the earlier rule that always matches first. */
export interface Shadowing {
  readonly shadowed: number;
  readonly by: number;
}

function stableJson(value: unknown): string {
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // circular or BigInt: fall through to a non-JSON rendering
  }
  return `~${typeof value}:${String(value)}`;
}

/**
 * Interns conditions so that equal (field, operator, value) triples share one integer id.
 * Scalars are Map keys as they are: Map tells 1 from "1", as their JSON does.
 */
function conditionInterner(): (condition: AnalyzableCondition) => number {
  const byField = new Map<unknown, Map<unknown, Map<unknown, number>>>();
  const structured = new Map<string, number>();
  let nextId = 0;
  const scalar = (value: unknown): boolean =>
    value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
  return (condition) => {
    const { field, operator, value } = condition as { field: unknown; operator: unknown; value: unknown };
    if (!scalar(field) || !scalar(operator) || !scalar(value)) {
      const identity = `${stableJson(field)}\u0001${stableJson(operator)}\u0001${stableJson(value)}`;
      let id = structured.get(identity);
      if (id === undefined) structured.set(identity, (id = nextId++));
      return id;
    }
    let byOperator = byField.get(field);
    if (!byOperator) byField.set(field, (byOperator = new Map()));
    let byValue = byOperator.get(operator);
    if (!byValue) byOperator.set(operator, (byValue = new Map()));
    let id = byValue.get(value);
    if (id === undefined) byValue.set(value, (id = nextId++));
    return id;
  };
}

/**
 * Distinct condition ids of every rule, ascending, in one flat array: those of rule r are
 * `ids[start[r] .. start[r + 1])`. Flat typed arrays keep the garbage collector out of the way.
 */
interface ConditionSets {
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

function conditionSets(rules: readonly AnalyzableRule[]): ConditionSets {
  const intern = conditionInterner();
  let total = 0;
  for (const rule of rules) total += Array.isArray(rule.conditions) ? rule.conditions.length : 0;
  const start = new Int32Array(rules.length + 1);
  const ids = new Int32Array(total);
  let end = 0;
  rules.forEach((rule, r) => {
    start[r] = end;
    for (const condition of Array.isArray(rule.conditions) ? rule.conditions : []) {
      const id = intern(condition);
      // insertion into the sorted run, dropping repeats (rules have few conditions)
      let i = end;
      while (i > start[r]! && ids[i - 1]! > id) i--;
      if (i > start[r]! && ids[i - 1] === id) continue;
      ids.copyWithin(i + 1, i, end);
      ids[i] = id;
      end++;
    }
  });
  start[rules.length] = end;
  return { start, ids };
}

/** Whether rule `a` is evaluated before rule `b` (lower priority, then program order). */
function evaluatedBefore(rules: readonly AnalyzableRule[], a: number, b: number): boolean {
  const pa = rules[a]!.priority;
  const pb = rules[b]!.priority;
  return pa < pb || (pa === pb && a < b);
}

function groupByInteractionType(rules: readonly AnalyzableRule[], include: (rule: AnalyzableRule) => boolean) {
  const groups = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    if (!include(rule)) return;
    let group = groups.get(rule.interactionType);
    if (!group) groups.set(rule.interactionType, (group = []));
    group.push(index);
  });
  return groups;
}

/**
 * The condition sets of one interaction type as a trie in typed arrays. Node 0 is the empty
 * set; the child of node p for condition c is `child.get(p * width + c)`, where c is the
 * condition's index local to this interaction type (keeps keys small integers).
 */
class ConditionSetTrie {
  earliest: Int32Array;
  lowestPriorityBelow: Float64Array;
  size = 1;
  private readonly child = new Map<number, number>();

  constructor(
    private readonly width: number,
    capacity: number,
  ) {
    this.earliest = new Int32Array(capacity).fill(-1);
    this.lowestPriorityBelow = new Float64Array(capacity).fill(Infinity);
  }

  childOf(node: number, condition: number): number | undefined {
    return this.child.get(node * this.width + condition);
  }

  childOrNew(node: number, condition: number): number {
    const key = node * this.width + condition;
    let next = this.child.get(key);
    if (next === undefined) {
      next = this.size++;
      this.child.set(key, next);
    }
    return next;
  }
}

/**
 * For every enabled rule that can never match, the earliest-evaluated rule that shadows it.
 * Only strictly lower priority numbers shadow (ties are reported as duplicate priorities).
 */
export function findShadowedRules(rules: readonly AnalyzableRule[]): Shadowing[] {
  const sets = conditionSets(rules);
  const result: Shadowing[] = [];
  const localIds = new Map<number, number>();
  let local = new Int32Array(0);
  const stackNode: number[] = [];
  const stackFrom: number[] = [];

  for (const members of groupByInteractionType(rules, (rule) => rule.enabled === true).values()) {
    localIds.clear();
    let setSizes = 0;
    for (const r of members) setSizes += sets.start[r + 1]! - sets.start[r]!;
    if (local.length < setSizes) local = new Int32Array(setSizes);
    // Renumber this type's conditions densely (small trie keys), then sort each rule's run.
    const memberStart = new Int32Array(members.length + 1);
    let cursor = 0;
    members.forEach((r, m) => {
      memberStart[m] = cursor;
      for (let i = sets.start[r]!; i < sets.start[r + 1]!; i++) {
        let id = localIds.get(sets.ids[i]!);
        if (id === undefined) localIds.set(sets.ids[i]!, (id = localIds.size));
        local[cursor++] = id;
      }
      local.subarray(memberStart[m], cursor).sort();
    });
    memberStart[members.length] = cursor;

    const trie = new ConditionSetTrie(localIds.size + 1, setSizes + 1);
    members.forEach((r, m) => {
      const priority = rules[r]!.priority;
      let node = 0;
      trie.lowestPriorityBelow[0] = Math.min(trie.lowestPriorityBelow[0]!, priority);
      for (let i = memberStart[m]!; i < memberStart[m + 1]!; i++) {
        node = trie.childOrNew(node, local[i]!);
        trie.lowestPriorityBelow[node] = Math.min(trie.lowestPriorityBelow[node]!, priority);
      }
      const current = trie.earliest[node]!;
      if (current === -1 || evaluatedBefore(rules, r, current)) trie.earliest[node] = r;
    });

    members.forEach((b, m) => {
      const priority = rules[b]!.priority;
      const first = memberStart[m]!;
      const last = memberStart[m + 1]!;
      let best = -1;
      // Depth-first over the trie nodes that are subsets of b's set (explicit stack).
      stackNode.length = 0;
      stackFrom.length = 0;
      stackNode.push(0);
      stackFrom.push(first);
      while (stackNode.length > 0) {
        const node = stackNode.pop()!;
        const from = stackFrom.pop()!;
        if (!(trie.lowestPriorityBelow[node]! < priority)) continue;
        const candidate = trie.earliest[node]!;
        if (candidate !== -1 && rules[candidate]!.priority < priority && (best === -1 || evaluatedBefore(rules, candidate, best))) {
          best = candidate;
        }
        for (let i = from; i < last; i++) {
          const next = trie.childOf(node, local[i]!);
          if (next !== undefined) {
            stackNode.push(next);
            stackFrom.push(i + 1);
          }
        }
      }
      if (best !== -1) result.push({ shadowed: b, by: best });
    });
  }
  return result.sort((x, y) => x.shadowed - y.shadowed);
}

/** Rules sharing one priority within one interaction type (enabled or not), in program order. */
export function findPriorityTies(rules: readonly AnalyzableRule[]): number[][] {
  const firstByTypeAndPriority = new Map<string, Map<number, number>>();
  const tiesByFirst = new Map<number, number[]>();
  rules.forEach((rule, r) => {
    let firstByPriority = firstByTypeAndPriority.get(rule.interactionType);
    if (!firstByPriority) firstByTypeAndPriority.set(rule.interactionType, (firstByPriority = new Map()));
    const first = firstByPriority.get(rule.priority);
    if (first === undefined) firstByPriority.set(rule.priority, r);
    else {
      const group = tiesByFirst.get(first);
      if (group) group.push(r);
      else tiesByFirst.set(first, [first, r]);
    }
  });
  return [...tiesByFirst.values()].sort((a, b) => a[0]! - b[0]!);
}
