import { createHash } from "node:crypto";

/**
 * Canonical text of a value: object keys sorted, undefined members left out, lists sorted too
 * (no list of a reviewed rule definition has an order), so that the same rule set always hashes
 * the same however its files list it.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content hash of a reviewed rule set: what a stack records when it deploys (output
 * `ruleSetSha256`), and what `cxone-routing promote` pins, so that the next stack gets exactly
 * the rule set the previous one runs.
 */
export function ruleSetHash(definitions: readonly unknown[]): string {
  return createHash("sha256").update(canonical(definitions)).digest("hex");
}
