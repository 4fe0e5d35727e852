import { canonicalJson, canonicalSet } from "../kinds/canonical";

export interface FieldDifference {
  readonly field: string;
  readonly left: unknown;
  readonly right: unknown;
}

const FIELDS: Record<string, { fields: readonly string[]; sets: readonly string[] }> = {
  RoutingRule: {
    fields: ["name", "description", "priority", "enabled", "interactionType", "conditions", "targets", "fallbackRuleId"],
    sets: ["conditions", "targets"],
  },
  // The signing secret is write-only: never compared, never printed.
  Webhook: { fields: ["name", "enabled", "targetURL", "eventFilter", "format"], sets: ["eventFilter"] },
};

/** The CXone fields that differ between two views of one object; unordered lists compare as sets. */
export function diffFields(kind: string, left: Record<string, unknown>, right: Record<string, unknown>): FieldDifference[] {
  const spec = FIELDS[kind];
  if (!spec) return [];
  return spec.fields
    .filter((f) => {
      const compare = spec.sets.includes(f) ? canonicalSet : canonicalJson;
      return compare(left[f] ?? null) !== compare(right[f] ?? null);
    })
    .map((field) => ({ field, left: left[field], right: right[field] }));
}
