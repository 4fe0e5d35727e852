import { hideUrlCredentials } from "../client/url-credentials";
/** Pulumi's marker for a secret value in serialized property maps. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/** Strips secret wrappers that may reach a dynamic provider, recursively. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SECRET_SIG_KEY] === SECRET_SIG_VALUE) return unwrapSecrets(record.value);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/** `value` as Pulumi's serialized secret (kept as is when already one), so the engine stores it encrypted. */
export function asSecret(value: unknown): unknown {
  if (value && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG_VALUE) return value;
  return { [SECRET_SIG_KEY]: SECRET_SIG_VALUE, value };
}

function isSecretWrapper(value: unknown): value is { value: unknown } {
  return Boolean(value && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG_VALUE);
}

/** Whether a secret wrapper sits anywhere in `value`. */
export function containsSecret(value: unknown): boolean {
  if (isSecretWrapper(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value && typeof value === "object") return Object.values(value).some(containsSecret);
  return false;
}

/** Every plain value a secret wrapper in `value` holds, as text (what a message must never quote). */
export function secretTexts(value: unknown, inside = false): string[] {
  if (isSecretWrapper(value)) return secretTexts(value.value, true);
  if (Array.isArray(value)) return value.flatMap((v) => secretTexts(v, inside));
  if (value && typeof value === "object") return Object.values(value).flatMap((v) => secretTexts(v, inside));
  return inside && value !== undefined && value !== null && String(value) !== "" ? [String(value)] : [];
}

/**
 * A function that hides, in a message, each of `texts` (secret values the program holds) and the
 * credentials of any URL. Longest first, so a secret that contains another is hidden whole.
 */
export function secretHider(texts: readonly string[]): (message: string) => string {
  const known = [...new Set(texts.filter((t) => t.length >= 3))].sort((a, b) => b.length - a.length);
  return (message) => known.reduce((text, secret) => text.split(secret).join("[secret]"), hideUrlCredentials(message));
}

/** The primitive leaves of a plain value, as text. */
export function leafTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(leafTexts);
  if (value && typeof value === "object") return Object.values(value).flatMap(leafTexts);
  return value === undefined || value === null ? [] : [String(value)];
}

/** The input names a program marked secret (its `__secrets` input; see program/secret-inputs.ts). */
export function markedSecret(raw: Record<string, unknown>): string[] {
  return Array.isArray(raw.__secrets) ? raw.__secrets.filter((k): k is string => typeof k === "string") : [];
}
