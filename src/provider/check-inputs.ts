import { containsSecret, leafTexts, markedSecret, secretTexts } from "../kinds/secrets";
import { carriesCredentials, hideUrlCredentials, urlCredentials } from "../client/url-credentials";
import { closestName, type CheckFailure } from "../validation";

/** The name a failure on a hidden property goes by, and what follows "got" in a reason (the value). */
const HIDDEN_SUFFIX = " (value hidden)";
const QUOTED_VALUE = /got ("(?:[^"\\]|\\.)*"|[^\s;,]+)/g;

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
    return secretFields.includes(top) ? { property: `${top}${HIDDEN_SUFFIX}`, reason: f.reason } : f;
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

/**
 * check()'s answer when it refuses inputs. The engine prints a failure as `property <name> value
 * {<value>} has a problem`, looking the value up by name in the returned inputs, even when the
 * program marked it secret. So every property that holds a secret (the kind's own secret fields,
 * anything the program wrapped with pulumi.secret, a URL that carries credentials) is left out of
 * the returned inputs and its failures are renamed "<name> (value hidden)"; and no reason quotes a
 * secret or a URL credential, whoever wrote it.
 */
export function hiddenFailures(
  secretFields: readonly string[],
  given: Record<string, unknown>,
  raw: Record<string, unknown>,
  failures: readonly CheckFailure[],
  hiddenKeys: readonly string[],
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  // The program names the inputs it marked secret (__secrets): the engine sends their values plain.
  const marked = markedSecret(raw);
  const secretProps = Object.keys(given).filter((k) => marked.includes(k) || containsSecret(given[k]) || carriesCredentials(raw[k]));
  const hidden = [...new Set([...secretFields, ...secretProps])];
  const texts = [
    ...secretTexts(given),
    ...marked.flatMap((k) => leafTexts(raw[k])),
    ...Object.values(raw).flatMap((v) => (typeof v === "string" ? urlCredentials(v) : [])),
  ]
    .filter((t) => t.length >= 3)
    .sort((a, b) => b.length - a.length);
  const clean = (reason: string) => texts.reduce((text, secret) => text.split(secret).join("[secret]"), hideUrlCredentials(reason));
  return {
    inputs: without(given, [...hidden, ...hiddenKeys]),
    failures: hideSecretFailures(failures, hidden).map((f) => ({
      property: f.property,
      // A value too short to search for safely still never shows: what follows "got" is the value.
      reason: clean(f.property.endsWith(HIDDEN_SUFFIX) ? f.reason.replace(QUOTED_VALUE, "got [secret]") : f.reason),
    })),
  };
}
