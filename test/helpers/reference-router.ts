/**
 * A brute-force routing oracle, written from the contract (the seed's operator matrix and rule
 * fields) and the README's "Routing semantics", not from src/routing: it shares no code with the
 * library and is written for plainness, not speed (every question is answered by scanning the
 * whole set again). Tests drive it and the library with the same random inputs.
 */

export interface ReferenceRule {
  key: string;
  name: string;
  priority: number;
  enabled: boolean;
  interactionType: string;
  conditions: { field: string; operator: string; value?: unknown }[];
  targets: { type: string; id: string; weight: number }[];
  fallback?: string;
  fallbackRuleId?: string;
  id?: string;
}

export interface ReferenceInteraction {
  interactionType: string;
  attributes: Record<string, unknown>;
}

export interface ReferenceDecision {
  /** Key of the matched rule, or undefined when none matches. */
  rule: string | undefined;
  /** The matched rule's targets with a positive weight: [id, share]. */
  targets: [string, number][];
  /** Keys of the rules reached by fallbacks from the matched rule, stopping before a repeat. */
  fallbackChain: string[];
  /** The fallback reference that names no rule of the set, where the chain leaves it. */
  fallbackExit: string | undefined;
  /**
   * Key of the rule whose targets serve (README: "A rule without weighted targets is served by the
   * first rule of its chain that has some"): the first of the matched rule and its chain with
   * weighted targets; none when no rule of the set there has any.
   */
  servedBy: string | undefined;
}

/** Text that reads as a number: not empty or blank, and a finite number (README: "120" equals 120). */
function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function conditionHolds(condition: ReferenceRule["conditions"][number], attributes: Record<string, unknown>): boolean {
  const actual = Object.hasOwn(attributes, condition.field) ? attributes[condition.field] : undefined;
  // A missing or null attribute satisfies only notEquals.
  if (actual === undefined || actual === null) return condition.operator === "notEquals";
  const expected = condition.value;
  const actualText = String(actual);
  const expectedText = String(expected);
  const actualNumber = asNumber(actual);
  const expectedNumber = asNumber(expected);
  const sameValue =
    (typeof actual === "number" || typeof expected === "number") && actualNumber !== undefined && expectedNumber !== undefined
      ? actualNumber === expectedNumber
      : actualText === expectedText;
  switch (condition.operator) {
    case "equals":
      return sameValue;
    case "notEquals":
      return !sameValue;
    case "greaterThan":
      return actualNumber !== undefined && expectedNumber !== undefined && actualNumber > expectedNumber;
    case "lessThan":
      return actualNumber !== undefined && expectedNumber !== undefined && actualNumber < expectedNumber;
    case "startsWith":
      return actualText.startsWith(expectedText);
    case "contains":
      return actualText.includes(expectedText);
    case "endsWith":
      return actualText.endsWith(expectedText);
    case "matchesRegex":
      try {
        return new RegExp(expectedText).test(actualText);
      } catch {
        return false;
      }
    default:
      return false;
  }
}

/** Whether `rule` takes the interaction when it is its turn: enabled, of its type, every condition (ANDed). */
export function referenceMatches(rule: ReferenceRule, interaction: ReferenceInteraction): boolean {
  return (
    rule.enabled &&
    rule.interactionType === interaction.interactionType &&
    rule.conditions.every((condition) => conditionHolds(condition, interaction.attributes))
  );
}

/** The matching rule that no other matching rule precedes (a lower priority number, or the same one earlier in the set). */
function firstMatch(rules: ReferenceRule[], interaction: ReferenceInteraction): ReferenceRule | undefined {
  const matching = rules.filter((rule) => referenceMatches(rule, interaction));
  return matching.find((candidate) =>
    matching.every(
      (other) =>
        other === candidate ||
        other.priority > candidate.priority ||
        (other.priority === candidate.priority && rules.indexOf(other) > rules.indexOf(candidate)),
    ),
  );
}

const weighted = (rule: ReferenceRule) => rule.targets.filter((target) => target.weight > 0);

/** The next rule a fallback names, or the reference itself when no rule of the set answers to it. */
function fallbackOf(rules: ReferenceRule[], rule: ReferenceRule): ReferenceRule | string | undefined {
  if (rule.fallback !== undefined) return rules.find((other) => other.key === rule.fallback) ?? rule.fallback;
  if (rule.fallbackRuleId !== undefined) return rules.find((other) => other.id === rule.fallbackRuleId) ?? rule.fallbackRuleId;
  return undefined;
}

export function referenceRoute(rules: ReferenceRule[], interaction: ReferenceInteraction): ReferenceDecision {
  const matched = firstMatch(rules, interaction);
  if (matched === undefined) return { rule: undefined, targets: [], fallbackChain: [], fallbackExit: undefined, servedBy: undefined };
  const chain: ReferenceRule[] = [];
  let fallbackExit: string | undefined;
  for (let current = matched; ; ) {
    const next = fallbackOf(rules, current);
    if (typeof next === "string") fallbackExit = next;
    if (next === undefined || typeof next === "string" || next === matched || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  const total = weighted(matched).reduce((sum, target) => sum + target.weight, 0);
  return {
    rule: matched.key,
    targets: weighted(matched).map((target) => [target.id, target.weight / total]),
    fallbackChain: chain.map((rule) => rule.key),
    fallbackExit,
    servedBy: [matched, ...chain].find((rule) => weighted(rule).length > 0)?.key,
  };
}

/** The target a draw in [0, 1) lands on: listed order, each weighted target a slice proportional to its weight. */
export function referencePick(rule: ReferenceRule, draw: number): string | undefined {
  const targets = weighted(rule);
  const total = targets.reduce((sum, target) => sum + target.weight, 0);
  let upTo = 0;
  for (const target of targets) {
    upTo += target.weight;
    if (draw * total < upTo) return target.id;
  }
  return undefined;
}
