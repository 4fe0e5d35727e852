import type { RuleDefinition } from "../rules/rule-definition";
import { canonical } from "../rules/rule-set-hash";

export interface RuleSetDifference {
  key: string;
  change: "only-in-left" | "only-in-right" | "changed";
  fields: { field: string; left: unknown; right: unknown }[];
}

/** Rule-by-rule differences between two stacks' rule sets (lists compared as sets). */
export function diffRuleSets(left: RuleDefinition[], right: RuleDefinition[]): RuleSetDifference[] {
  const byKey = (rules: RuleDefinition[]) => new Map(rules.map((r) => [r.key, r]));
  const l = byKey(left);
  const r = byKey(right);
  const keys = [...new Set([...l.keys(), ...r.keys()])].sort();
  const out: RuleSetDifference[] = [];
  for (const key of keys) {
    const a = l.get(key);
    const b = r.get(key);
    if (!a || !b) {
      out.push({ key, change: a ? "only-in-left" : "only-in-right", fields: [] });
      continue;
    }
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .sort()
      .filter((f) => canonical((a as unknown as Record<string, unknown>)[f]) !== canonical((b as unknown as Record<string, unknown>)[f]))
      .map((f) => ({ field: f, left: (a as unknown as Record<string, unknown>)[f], right: (b as unknown as Record<string, unknown>)[f] }));
    if (fields.length > 0) out.push({ key, change: "changed", fields });
  }
  return out;
}

export function formatDifferences(leftName: string, rightName: string, diffs: RuleSetDifference[]): string {
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
