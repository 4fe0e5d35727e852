import { createHash } from "node:crypto";
import type { RuleDefinition } from "./rule-definition";

/** Canonical text of a value: object keys sorted, lists sorted too (no list of a rule has an order). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content hash of a reviewed rule set: what a stack records when it deploys, and what
 * promotion pins, so that staging gets exactly the rule set dev runs and nothing else.
 */
export function ruleSetHash(rules: readonly RuleDefinition[]): string {
  return createHash("sha256").update(canonical(rules)).digest("hex");
}
