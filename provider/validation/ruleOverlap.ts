import type { AnalyzableCondition, AnalyzableRule } from "./analyzableRule";

/**
 * Rules that can never match, and priority ties, within each interaction type.
 *
 * Rule B is shadowed by rule A when both are enabled, have the same interaction type, A is
 * evaluated first (lower priority number) and A's conditions are a subset of B's: conditions
 * are ANDed, so every interaction matching B also matches A, and A wins. Conditions are
 * compared as (field, operator, JSON value) triples; `conditionGroupId` is metadata.
 *
 * Complexity. Each distinct condition is interned to a small integer and each rule's condition
 * set becomes a signature (its sorted ids). A map from signature to the earliest-evaluated rule
 * with exactly that set, per interaction type, answers "is there an earlier rule with this
 * exact set?" in O(1). For rule B with k distinct conditions, B is shadowed iff one of its
 * 2^k subsets is in the map with a lower priority, so the check costs O(n * 2^k * k) overall:
 * linear in the number of rules for the usual k <= 10 (the validator's default limit).
 * For rules with more than {@link MAX_ENUMERATED_CONDITIONS} conditions, enumerating subsets
 * would explode, so those use an inverted index (condition -> rules containing it) and count
 * hits per candidate; that is O(sum of posting-list lengths) per such rule, quadratic only in
 * the adversarial case of many huge rules sharing conditions.
 */

/** Above this many conditions, a rule's subsets are not enumerated (2^12 = 4096 lookups). */
const MAX_ENUMERATED_CONDITIONS = 12;

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

/** Interns conditions so that equal (field, operator, value) triples share one integer id. */
function conditionInterner(): (condition: AnalyzableCondition) => number {
  const ids = new Map<string, number>();
  return (condition) => {
    const identity = `${stableJson(condition.field)}\u0001${stableJson(condition.operator)}\u0001${stableJson(condition.value)}`;
    let id = ids.get(identity);
    if (id === undefined) {
      id = ids.size;
      ids.set(identity, id);
    }
    return id;
  };
}

/** Distinct condition ids of each rule, ascending. */
function conditionSets(rules: readonly AnalyzableRule[]): number[][] {
  const intern = conditionInterner();
  return rules.map((rule) => {
    const conditions = Array.isArray(rule.conditions) ? rule.conditions : [];
    const ids = [...new Set(conditions.map(intern))];
    return ids.sort((a, b) => a - b);
  });
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
 * For every enabled rule that can never match, the earliest-evaluated rule that shadows it.
 * Only strictly lower priority numbers shadow (ties are reported as duplicate priorities).
 */
export function findShadowedRules(rules: readonly AnalyzableRule[]): Shadowing[] {
  const sets = conditionSets(rules);
  const result: Shadowing[] = [];
  for (const members of groupByInteractionType(rules, (rule) => rule.enabled === true).values()) {
    const earliestBySignature = new Map<string, number>();
    const rulesByCondition = new Map<number, number[]>();
    for (const r of members) {
      const signature = sets[r]!.join(",");
      const current = earliestBySignature.get(signature);
      if (current === undefined || evaluatedBefore(rules, r, current)) earliestBySignature.set(signature, r);
      for (const id of sets[r]!) {
        let posting = rulesByCondition.get(id);
        if (!posting) rulesByCondition.set(id, (posting = []));
        posting.push(r);
      }
    }

    const consider = (best: number | undefined, candidate: number | undefined, target: number): number | undefined => {
      if (candidate === undefined || candidate === target) return best;
      if (!(rules[candidate]!.priority < rules[target]!.priority)) return best;
      return best === undefined || evaluatedBefore(rules, candidate, best) ? candidate : best;
    };

    for (const b of members) {
      const ids = sets[b]!;
      let best: number | undefined;
      if (ids.length <= MAX_ENUMERATED_CONDITIONS) {
        const subset: number[] = [];
        for (let mask = 0; mask < 1 << ids.length; mask++) {
          subset.length = 0;
          for (let bit = 0; bit < ids.length; bit++) if (mask & (1 << bit)) subset.push(ids[bit]!);
          best = consider(best, earliestBySignature.get(subset.join(",")), b);
        }
      } else {
        best = consider(best, earliestBySignature.get(""), b);
        const hits = new Map<number, number>();
        for (const id of ids) {
          for (const a of rulesByCondition.get(id) ?? []) {
            if (!(rules[a]!.priority < rules[b]!.priority)) continue;
            const count = (hits.get(a) ?? 0) + 1;
            hits.set(a, count);
            if (count === sets[a]!.length) best = consider(best, a, b);
          }
        }
      }
      if (best !== undefined) result.push({ shadowed: b, by: best });
    }
  }
  return result.sort((x, y) => x.shadowed - y.shadowed);
}

/** Rules sharing one priority within one interaction type (enabled or not), in program order. */
export function findPriorityTies(rules: readonly AnalyzableRule[]): number[][] {
  const ties: number[][] = [];
  for (const members of groupByInteractionType(rules, () => true).values()) {
    const byPriority = new Map<number, number[]>();
    for (const r of members) {
      let group = byPriority.get(rules[r]!.priority);
      if (!group) byPriority.set(rules[r]!.priority, (group = []));
      group.push(r);
    }
    for (const group of byPriority.values()) if (group.length > 1) ties.push(group);
  }
  return ties.sort((a, b) => a[0]! - b[0]!);
}
