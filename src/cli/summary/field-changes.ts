import { canonical } from "../../promotion/rule-set-hash";

/** One changed leaf of a resource's inputs, by path (`targets[queue q-1].weight`). */
export interface FieldChange {
  readonly path: string;
  /** undefined: not set on that side. */
  readonly before: unknown;
  readonly after: unknown;
}

/** What `pulumi preview --json` shows for a value it will only know after the update. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What it shows for a secret value, on either side. */
export const SECRET = "[secret]";

/** The preview does not show this value, or a part of it: a secret, or what only `pulumi up` will know. */
export function hidden(value: unknown): boolean {
  if (value === UNKNOWN || value === SECRET) return true;
  if (Array.isArray(value)) return value.some(hidden);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hidden);
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The identity of a list item, so that a list compared as a set pairs "the same" item on both
 * sides: a target by type and id, a condition by field and operator. Undefined: no identity.
 */
function identity(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  if (typeof item.id === "string") return typeof item.type === "string" ? `${item.type} ${item.id}` : item.id;
  if (typeof item.field === "string" && typeof item.operator === "string") return `${item.field} ${item.operator}`;
  return undefined;
}

function identities(list: readonly unknown[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const item of list) {
    const id = identity(item);
    if (id === undefined || out.has(id)) return undefined;
    out.set(id, item);
  }
  return out;
}

function diffValue(path: string, a: unknown, b: unknown, out: FieldChange[]): void {
  if (canonical(a) === canonical(b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) diffValue(`${path}.${key}`, a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = identities(a);
    const right = identities(b);
    if (left && right) {
      for (const id of [...new Set([...left.keys(), ...right.keys()])].sort())
        diffValue(`${path}[${id}]`, left.get(id), right.get(id), out);
      return;
    }
    // No identities: as sets, what left and what came.
    const before = new Set(a.map(canonical));
    const after = new Set(b.map(canonical));
    for (const item of a.filter((x) => !after.has(canonical(x)))) out.push({ path: `${path}[-]`, before: item, after: undefined });
    for (const item of b.filter((x) => !before.has(canonical(x)))) out.push({ path: `${path}[+]`, before: undefined, after: item });
    return;
  }
  out.push({ path, before: a, after: b });
}

/**
 * The input fields that differ between the state (before) and the program (after), leaf by leaf,
 * in a stable order. The engine's own fields (`__provider`, `__urn`) are left out, and so is a
 * fallback's id where its name says the same thing in words.
 */
export function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const out: FieldChange[] = [];
  const named = "fallbackRuleName" in a || "fallbackRuleName" in b;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (key.startsWith("__")) continue;
    if (key === "fallbackRuleId" && named) continue;
    diffValue(key, a[key], b[key], out);
  }
  return out;
}

/** Input fields whose value the preview hides: a change to them cannot be shown. */
export function secretFields(inputs: Record<string, unknown> | undefined): string[] {
  return Object.keys(inputs ?? {})
    .filter((k) => inputs?.[k] === SECRET)
    .sort();
}
