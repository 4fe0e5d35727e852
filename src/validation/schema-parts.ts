import { z } from "zod";
import { describeValue, listChoices } from "./describe-value";
import { closestChoice } from "./edit-distance";

/** Message for a value of the wrong type; a missing value is reported as "is required". */
function typeMessage(expected: string): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? "is required" : `must be ${expected}, got ${describeValue(issue.input)}`);
}

/** A string that must contain something besides whitespace, at most `maxLength` characters. */
export function requiredText(maxLength?: number) {
  const text = z.string({ error: typeMessage("a string") }).refine((value) => value.trim().length > 0, { error: "must not be empty" });
  if (maxLength === undefined) return text;
  return text.refine((value) => value.length <= maxLength, {
    error: (issue) => `must be at most ${maxLength} characters, got ${String(issue.input).length}`,
  });
}

/** A string of at most `maxLength` characters (empty allowed). */
export function boundedText(maxLength: number) {
  return z.string({ error: typeMessage("a string") }).refine((value) => value.length <= maxLength, {
    error: (issue) => `must be at most ${maxLength} characters, got ${String(issue.input).length}`,
  });
}

/** An integer in `[min, max]` (no upper bound when `max` is undefined), with one message for all ways to miss. */
export function boundedInteger(min: number, max?: number) {
  const range = max === undefined ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
  return z
    .number({ error: typeMessage("a number") })
    .refine((value) => Number.isInteger(value) && value >= min && (max === undefined || value <= max), {
      error: (issue) => `must be ${range}, got ${describeValue(issue.input)}`,
    });
}

/** A boolean that defaults to `fallback` when absent. */
export function booleanWithDefault(fallback: boolean) {
  return z.boolean({ error: typeMessage("true or false") }).default(fallback);
}

/**
 * Why `value` is not one of `allowed`: the allowed values, what was given and, for a likely typo,
 * the nearest allowed value. The resources accept any string for these inputs (TypeScript widens
 * literals held in variables), so this message is where a typo is caught, at preview.
 */
export function choiceMismatch(allowed: readonly string[], value: unknown): string {
  const nearest = typeof value === "string" ? closestChoice(value, allowed) : undefined;
  return `must be one of ${listChoices(allowed)}, got ${describeValue(value)}${nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`}`;
}

/** A string from a configurable set (kept as `string` so the set can change per tenant). */
export function oneOf(allowed: readonly string[]) {
  const allowedSet = new Set(allowed);
  return z.string({ error: typeMessage(`one of ${listChoices(allowed)}`) }).refine((value) => allowedSet.has(value), {
    error: (issue) => choiceMismatch(allowed, issue.input),
  });
}

/** A string from a fixed set, typed as the literal union. */
export function fixedChoice<const T extends readonly [string, ...string[]]>(allowed: T) {
  return z.enum(allowed, {
    error: (issue) => (issue.input === undefined ? "is required" : choiceMismatch(allowed, issue.input)),
  });
}
