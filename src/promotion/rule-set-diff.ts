import { canonical } from "./rule-set-hash";

/** A reviewed definition: a rule or webhook in logical terms, named by its `key`. */
export interface KeyedDefinition {
  readonly key: string;
}

export interface RuleSetDifference {
  readonly key: string;
  readonly change: "only-in-left" | "only-in-right" | "changed";
  readonly fields: ReadonlyArray<{ readonly field: string; readonly left: unknown; readonly right: unknown }>;
}

/** Definition-by-definition differences between two rule sets, by key (lists compared as sets). */
export function diffRuleSets(left: readonly KeyedDefinition[], right: readonly KeyedDefinition[]): RuleSetDifference[] {
  const byKey = (list: readonly KeyedDefinition[]) => new Map(list.map((d) => [d.key, d as unknown as Record<string, unknown>]));
  const l = byKey(left);
  const r = byKey(right);
  const out: RuleSetDifference[] = [];
  for (const key of [...new Set([...l.keys(), ...r.keys()])].sort()) {
    const a = l.get(key);
    const b = r.get(key);
    if (!a || !b) {
      out.push({ key, change: a ? "only-in-left" : "only-in-right", fields: [] });
      continue;
    }
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .filter((f) => canonical(a[f]) !== canonical(b[f]))
      .map((f) => ({ field: f, left: a[f], right: b[f] }));
    if (fields.length > 0) out.push({ key, change: "changed", fields });
  }
  return out;
}

/** The differences as a person reads them: `+` only left, `-` only right, `~` field by field. */
export function formatDifferences(leftName: string, rightName: string, diffs: readonly RuleSetDifference[]): string {
  if (diffs.length === 0) return `${leftName} and ${rightName} run the same rule set.`;
  const lines = [`${diffs.length} rule(s) differ between ${leftName} and ${rightName}:`];
  for (const d of diffs) {
    if (d.change === "only-in-left") lines.push(`  + ${d.key}: only in ${leftName}`);
    else if (d.change === "only-in-right") lines.push(`  - ${d.key}: only in ${rightName}`);
    else {
      lines.push(`  ~ ${d.key}:`);
      for (const f of d.fields)
        lines.push(`      ${f.field}: ${rightName} ${JSON.stringify(f.right)} -> ${leftName} ${JSON.stringify(f.left)}`);
    }
  }
  return lines.join("\n");
}
