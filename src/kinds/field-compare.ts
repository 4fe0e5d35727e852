import { isUnknownPlaceholder } from "../validation";
import { canonicalJson, canonicalSet } from "./canonical";
import { unwrapSecrets } from "./secrets";

type Props = Record<string, unknown>;

export function containsUnknown(value: unknown): boolean {
  if (isUnknownPlaceholder(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** The fields whose values differ; unordered lists compare as sets, unknowns always differ. */
export function changedFieldsOf(fields: readonly string[], olds: Props, news: Props, setFields: readonly string[]): string[] {
  const before = unwrapSecrets(olds) as Props;
  const after = unwrapSecrets(news) as Props;
  return fields.filter((field) => {
    if (containsUnknown(after[field])) return true;
    const compare = setFields.includes(field) ? canonicalSet : canonicalJson;
    return compare(before[field]) !== compare(after[field]);
  });
}

export function sameFields(fields: readonly string[], a: Props, b: Props, setFields: readonly string[]): boolean {
  return changedFieldsOf(fields, a, b, setFields).length === 0;
}

/**
 * Whether taking over `server` as it is already gives the program's `fields`, so that no write is
 * needed. A write-only field the program gives (a webhook secret) cannot be compared: then no.
 */
export function equalsProgram(
  kind: { readonly fields: readonly string[]; readonly writeOnlyFields: readonly string[]; readonly setFields: readonly string[] },
  server: Props,
  fields: Props,
): boolean {
  if (kind.writeOnlyFields.some((f) => fields[f] !== undefined)) return false;
  const comparable = kind.fields.filter((f) => !kind.writeOnlyFields.includes(f));
  return sameFields(comparable, server, fields, kind.setFields);
}
