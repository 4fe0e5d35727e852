import { SERVER_FIELDS, WRITE_ONLY_FIELDS } from "./wire-types";

/**
 * Whether the stored object carries every field we sent with the same value. Used after a lost
 * response to decide "this is our write" vs "somebody else's object". Server-owned and write-only
 * fields are skipped; key order and undefined members do not matter, and fields the server adds
 * (defaults, nested metadata) are allowed: only what we sent must be there.
 */
export function storedMatchesSent(sent: unknown, stored: unknown): boolean {
  if (!isObject(sent) || !isObject(stored)) return false;
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined || SERVER_FIELDS.includes(key) || WRITE_ONLY_FIELDS.includes(key)) continue;
    if (!contains(stored[key], value)) return false;
  }
  return true;
}

/** `stored` has everything `sent` has (recursively); arrays must match element by element. */
function contains(stored: unknown, sent: unknown): boolean {
  if (stored === sent) return true;
  if (Array.isArray(sent) || Array.isArray(stored)) {
    return (
      Array.isArray(sent) && Array.isArray(stored) && sent.length === stored.length && sent.every((item, i) => contains(stored[i], item))
    );
  }
  if (isObject(sent) && isObject(stored)) {
    return Object.entries(sent).every(([key, value]) => value === undefined || contains(stored[key], value));
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
