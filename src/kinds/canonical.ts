/** JSON with object keys sorted, so that equal values always print the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Order-insensitive form of a list: its items' canonical JSON, sorted. */
export function canonicalSet(list: unknown): string {
  if (!Array.isArray(list)) return canonicalJson(list);
  return JSON.stringify(list.map(canonicalJson).sort());
}
