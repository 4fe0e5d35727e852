import { namePattern } from "./name-pattern";

/** What the export keeps of the tenant. */
export interface ExportFilters {
  /** Name patterns (see namePattern); an object is kept when it matches one. Empty: every name. */
  readonly include?: readonly string[];
  /** Name patterns; an object that matches one is left out. */
  readonly exclude?: readonly string[];
  /** Interaction types to keep (rules only). Empty: every type. */
  readonly types?: readonly string[];
  /** Interaction types to leave out. */
  readonly excludeTypes?: readonly string[];
  /**
   * true (the default): a kept rule's fallback that the filters left out is exported too, and so
   * on down the chain. false: the fallback stays a `fallbackRuleId` to an object outside the project.
   */
  readonly followFallbacks?: boolean;
}

export interface SelectableRule {
  readonly id: string;
  readonly name: string;
  readonly interactionType: string;
  readonly fallbackRuleId?: string;
}

export interface Selection<R, W> {
  readonly rules: R[];
  readonly webhooks: W[];
  /** Rules the filters left out but a kept rule falls back to (followFallbacks). */
  readonly pulledIn: { readonly rule: R; readonly by: string }[];
  /** Kept rules whose fallback is not exported: left out by the filters, or not in the tenant. */
  readonly outside: { readonly rule: R; readonly fallbackRuleId: string; readonly fallbackName: string | undefined }[];
}

/** Applies the name and type filters, then follows fallbacks (dependency resolution). */
export function selectObjects<R extends SelectableRule, W extends { id: string; name: string }>(
  rules: readonly R[],
  webhooks: readonly W[],
  filters: ExportFilters,
): Selection<R, W> {
  const include = (filters.include ?? []).map(namePattern);
  const exclude = (filters.exclude ?? []).map(namePattern);
  const types = new Set(filters.types ?? []);
  const excludeTypes = new Set(filters.excludeTypes ?? []);
  const byName = (name: string) => (include.length === 0 || include.some((m) => m(name))) && !exclude.some((m) => m(name));
  const keep = (r: R) => byName(r.name) && (types.size === 0 || types.has(r.interactionType)) && !excludeTypes.has(r.interactionType);

  const byId = new Map(rules.map((r) => [r.id, r]));
  const kept = new Set(rules.filter(keep).map((r) => r.id));
  const pulledIn: Selection<R, W>["pulledIn"][number][] = [];
  if (filters.followFallbacks !== false) {
    const queue = [...kept];
    while (queue.length > 0) {
      const rule = byId.get(queue.shift()!)!;
      const target = rule.fallbackRuleId ? byId.get(rule.fallbackRuleId) : undefined;
      if (!target || kept.has(target.id)) continue;
      kept.add(target.id);
      pulledIn.push({ rule: target, by: rule.name });
      queue.push(target.id);
    }
  }
  const selected = rules.filter((r) => kept.has(r.id));
  const outside = selected.flatMap((rule) =>
    rule.fallbackRuleId && !kept.has(rule.fallbackRuleId)
      ? [{ rule, fallbackRuleId: rule.fallbackRuleId, fallbackName: byId.get(rule.fallbackRuleId)?.name }]
      : [],
  );
  return { rules: selected, webhooks: webhooks.filter((w) => byName(w.name)), pulledIn, outside };
}
