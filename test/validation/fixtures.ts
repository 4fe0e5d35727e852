import type { AnalyzableCondition, AnalyzableRule } from "../../src/validation";

/** Inputs of a valid webhook; override fields per test. */
export function validWebhookInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "RoutingRuleSync",
    enabled: true,
    targetURL: "https://orchestration.example.com/webhooks/cxone",
    eventFilter: ["routing.rule.updated", "routing.rule.created"],
    format: "json",
    ...overrides,
  };
}

/** A rule for the stack-wide analysis; `fallback` and conditions optional. */
export function analyzable(
  key: string,
  options: {
    fallback?: string;
    fallbackRuleId?: string;
    id?: string;
    priority?: number;
    enabled?: boolean;
    interactionType?: string;
    conditions?: AnalyzableCondition[];
  } = {},
): AnalyzableRule {
  return {
    key,
    name: `Rule ${key}`,
    priority: options.priority ?? 1,
    enabled: options.enabled ?? true,
    interactionType: options.interactionType ?? "voice",
    conditions: options.conditions ?? [],
    ...(options.fallback !== undefined ? { fallback: options.fallback } : {}),
    ...(options.fallbackRuleId !== undefined ? { fallbackRuleId: options.fallbackRuleId } : {}),
    ...(options.id !== undefined ? { id: options.id } : {}),
  };
}

/** `equals` condition shorthand for analysis tests. */
export function eq(field: string, value: unknown): AnalyzableCondition {
  return { field, operator: "equals", value };
}

/**
 * Gives every rule a distinct priority (its position) so that tests about one check are not
 * disturbed by priority-tie warnings.
 */
export function distinctPriorities(rules: AnalyzableRule[]): AnalyzableRule[] {
  return rules.map((rule, i) => ({ ...rule, priority: i + 1 }));
}

/** Properties of failures, for compact assertions. */
export function propertiesOf(result: { ok: boolean; failures?: ReadonlyArray<{ property: string }> }): string[] {
  return result.ok ? [] : (result.failures ?? []).map((failure) => failure.property);
}
