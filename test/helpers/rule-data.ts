/** One rule of the rules-as-data e2e program (test/e2e/programs/rules-as-data). */
export interface RuleData {
  key: string;
  name: string;
  priority: number;
  interactionType?: string;
  description?: string;
  enabled?: boolean;
  conditions?: { field: string; operator: string; value: string | number | boolean }[];
  targets: { type: string; id: string; weight: number; capacity: number }[];
  fallback?: string;
  fallbackRuleId?: string;
  adoptId?: string;
  adoptEtag?: string;
  aliases?: string[];
}

/** A voice rule with one queue target, for tests that care about a field or two. */
export function voiceRule(key: string, name: string, priority: number, extra: Partial<RuleData> = {}): RuleData {
  return {
    key,
    name,
    priority,
    interactionType: "voice",
    conditions: [{ field: "segment", operator: "equals", value: key }],
    targets: [{ type: "queue", id: `queue-${key}`, weight: 100, capacity: 10 }],
    ...extra,
  };
}
