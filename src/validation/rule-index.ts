import type { AnalyzableRule } from "./analyzable-rule";
import { isUnknownPlaceholder } from "./unknown-placeholder";

/** The program's rules with O(1) lookups by logical key and by known CXone id. */
export interface RuleIndex {
  /** Rules in program order; a repeated key keeps its first occurrence only. */
  readonly rules: readonly AnalyzableRule[];
  readonly indexByKey: ReadonlyMap<string, number>;
  readonly indexById: ReadonlyMap<string, number>;
}

/** Whether `id` is a usable CXone id (a string Pulumi already knows). */
export function isKnownId(id: unknown): id is string {
  return typeof id === "string" && id !== "" && !isUnknownPlaceholder(id);
}

/** Indexes rules by key and id in one pass. */
export function indexRules(input: readonly AnalyzableRule[]): RuleIndex {
  const rules: AnalyzableRule[] = [];
  const indexByKey = new Map<string, number>();
  const indexById = new Map<string, number>();
  for (const rule of input) {
    if (indexByKey.has(rule.key)) continue;
    indexByKey.set(rule.key, rules.length);
    if (isKnownId(rule.id) && !indexById.has(rule.id)) indexById.set(rule.id, rules.length);
    rules.push(rule);
  }
  return { rules, indexByKey, indexById };
}
