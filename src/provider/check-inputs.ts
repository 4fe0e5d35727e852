import { closestName, type CheckFailure } from "../validation";

/** Keys the engine may hand back that are outputs or the SDK's own, not inputs to judge. */
const TOLERATED = ["__provider", "etag", "version", "createdAt", "updatedAt", "hasSecret"];

const SECRET_LOOKING = /secret|token|passw|pwd|credential|key/i;

/**
 * A failure on a secret property must not reach the engine under that property's name: the engine
 * prints `property <name> value {<value>} has a problem`, looking the value up by that name in the
 * returned inputs. Such failures are reported as "<name> (value hidden)", a name no input has.
 */
export function hideSecretFailures(failures: readonly CheckFailure[], secretFields: readonly string[]): CheckFailure[] {
  return failures.map((f) => {
    const top = f.property.split(/[.[]/)[0] ?? "";
    return secretFields.includes(top) ? { property: `${top} (value hidden)`, reason: f.reason } : f;
  });
}

/**
 * Inputs that are no field of the kind (a misspelling such as `prioirty`): refused, naming the
 * field and the closest real one. A secret-looking key is reported under a hidden name.
 */
export function unknownInputFailures(
  raw: Record<string, unknown>,
  kind: string,
  known: readonly string[],
): { failures: CheckFailure[]; hidden: string[] } {
  const failures: CheckFailure[] = [];
  const hidden: string[] = [];
  const candidates = known.filter((k) => !k.startsWith("__"));
  for (const key of Object.keys(raw)) {
    if (known.includes(key) || TOLERATED.includes(key) || raw[key] === undefined) continue;
    const suggestion = closestName(key, candidates);
    const secretLike = SECRET_LOOKING.test(key) || (suggestion !== undefined && SECRET_LOOKING.test(suggestion));
    if (secretLike) hidden.push(key);
    failures.push({
      property: secretLike ? `${key} (value hidden)` : key,
      reason: `is not an input of ${kind}${suggestion ? `; did you mean "${suggestion}"?` : `; the inputs are ${candidates.join(", ")}`}`,
    });
  }
  return { failures, hidden };
}

/** `inputs` without the given keys (values the engine must not print). */
export function without(inputs: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).filter(([k]) => !keys.includes(k)));
}
