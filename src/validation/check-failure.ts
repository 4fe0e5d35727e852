import type { z } from "zod";

/**
 * One reason why resource inputs are invalid, in the shape Pulumi's dynamic provider `check`
 * expects (`pulumi.dynamic.CheckFailure`): the property path (`targets[1].weight`) and a
 * sentence for a person.
 */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** Result of validating resource inputs: the normalized value, or every failure found. */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failures: CheckFailure[] };

/** `["targets", 1, "weight"]` -> `targets[1].weight`. */
export function formatPropertyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Turns zod issues into check failures, keeping zod's order and dropping exact repeats. */
export function issuesToCheckFailures(issues: readonly z.core.$ZodIssue[]): CheckFailure[] {
  const seen = new Set<string>();
  const failures: CheckFailure[] = [];
  for (const issue of issues) {
    const failure = { property: formatPropertyPath(issue.path), reason: issue.message };
    const identity = `${failure.property}\u0000${failure.reason}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    failures.push(failure);
  }
  return failures;
}

/**
 * Multi-line text for a person, one failure a line (`priority: must be an integer ...`).
 * A failure about the inputs as a whole (empty property) is shown as its reason alone.
 */
export function formatCheckFailures(failures: readonly CheckFailure[]): string {
  return failures.map((failure) => (failure.property === "" ? failure.reason : `${failure.property}: ${failure.reason}`)).join("\n");
}
