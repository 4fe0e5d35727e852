/** A condition as the evaluator reads it; `value` may be any JSON scalar. */
export interface EvaluableCondition {
  readonly field: string;
  readonly operator: string;
  readonly value?: unknown;
}

/**
 * Whether one condition holds for an interaction's attributes. CXone's semantics as the simulator
 * serves them (README, "Routing semantics"):
 * - a missing attribute (absent, undefined or null) satisfies only `notEquals`;
 * - `equals` / `notEquals` compare as numbers when either side is a number and both convert to
 *   finite numbers ("120" equals 120), else as strings (true equals "true");
 * - `greaterThan` / `lessThan` convert both sides to numbers; booleans, empty strings and
 *   non-numeric text never match;
 * - `startsWith` / `contains` / `endsWith` compare the string forms, case-sensitively;
 * - `matchesRegex` tests a JavaScript RegExp without flags (unanchored); an invalid pattern never
 *   matches.
 */
export function conditionMatches(condition: EvaluableCondition, attributes: Readonly<Record<string, unknown>>): boolean {
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
    default:
      return false;
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

// Compiled patterns, shared by every evaluation (rule sets reuse a few patterns many times).
const REGEX_CACHE = new Map<string, RegExp | null>();

function regexMatches(pattern: string, text: string): boolean {
  let regex = REGEX_CACHE.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern);
    } catch {
      regex = null;
    }
    if (REGEX_CACHE.size > 10_000) REGEX_CACHE.clear();
    REGEX_CACHE.set(pattern, regex);
  }
  return regex?.test(text) ?? false;
}
