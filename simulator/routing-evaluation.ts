import type { Rule, RuleCondition } from "./store/records";

export interface RouteRequest {
  interactionType: string;
  attributes: Record<string, unknown>;
}

export interface RouteResult {
  ruleId: string;
  ruleName: string;
}

/**
 * The rule an interaction lands on: the first enabled rule of its type, in ascending priority
 * (lower number first; ties broken by creation order), whose conditions all match.
 */
export function evaluateRouting(rules: Rule[], request: RouteRequest): RouteResult | null {
  const candidates = rules
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => rule.enabled && rule.interactionType === request.interactionType)
    .sort((a, b) => a.rule.priority - b.rule.priority || a.order - b.order);
  const match = candidates.find(({ rule }) => rule.conditions.every((c) => conditionMatches(c, request.attributes)));
  return match === undefined ? null : { ruleId: match.rule.id, ruleName: match.rule.name };
}

/** A missing attribute satisfies only notEquals. */
export function conditionMatches(condition: RuleCondition, attributes: Record<string, unknown>): boolean {
  const actual = attributes[condition.field];
  if (actual === undefined || actual === null) return condition.operator === "notEquals";
  const expected = condition.value;
  switch (condition.operator) {
    case "equals":
      return looselyEqual(actual, expected);
    case "notEquals":
      return !looselyEqual(actual, expected);
    case "greaterThan":
      return compareNumbers(actual, expected, (a, b) => a > b);
    case "lessThan":
      return compareNumbers(actual, expected, (a, b) => a < b);
    case "startsWith":
      return String(actual).startsWith(String(expected));
    case "contains":
      return String(actual).includes(String(expected));
    case "endsWith":
      return String(actual).endsWith(String(expected));
    case "matchesRegex":
      return regexMatches(String(expected), String(actual));
  }
}

/** Attributes arrive as strings from IVRs and chat forms, so "120" equals 120. */
function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" || typeof expected === "number") {
    const a = Number(actual);
    const b = Number(expected);
    if (Number.isFinite(a) && Number.isFinite(b)) return a === b;
  }
  return String(actual) === String(expected);
}

function compareNumbers(actual: unknown, expected: unknown, compare: (a: number, b: number) => boolean): boolean {
  if (typeof actual === "boolean" || typeof expected === "boolean" || actual === "" || expected === "") return false;
  const a = Number(actual);
  const b = Number(expected);
  return Number.isFinite(a) && Number.isFinite(b) && compare(a, b);
}

function regexMatches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}
