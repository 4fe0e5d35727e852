/** Longest logical name derived from a CXone name; longer names are cut at a word boundary. */
const MAX_KEY_LENGTH = 48;

/**
 * A kebab-case key from free text: ASCII letters and digits, words joined by "-"
 * ("VIP Customer Priority Routing" -> "vip-customer-priority-routing"). Never empty; starts with
 * a letter (`prefix` goes first otherwise).
 */
export function kebabKey(text: string, prefix: string): string {
  let key = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (key.length > MAX_KEY_LENGTH) {
    const cut = key.slice(0, MAX_KEY_LENGTH);
    key = cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
  }
  if (key === "") return prefix;
  return /^[a-z]/.test(key) ? key : `${prefix}-${key}`;
}

/**
 * Unique, stable keys for named objects: each from its name, in name order (then id), a repeat
 * gets "-2", "-3", ... The same tenant gives the same keys on every export, whatever order the
 * API lists it in.
 */
export function assignKeys(objects: readonly { id: string; name: string }[], prefix: string): Map<string, string> {
  const sorted = [...objects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>();
  const keys = new Map<string, string>();
  for (const o of sorted) {
    const base = kebabKey(o.name, prefix);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    keys.set(o.id, key);
  }
  return keys;
}

/** camelCase of a kebab key, for TypeScript identifiers: "work-item" -> "workItem". */
export function camelCase(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
