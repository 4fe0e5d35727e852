/** The seed's closed vocabularies, shared by validation, routing evaluation and events. */

export const CONDITION_OPERATORS = [
  "equals",
  "notEquals",
  "greaterThan",
  "lessThan",
  "startsWith",
  "contains",
  "endsWith",
  "matchesRegex",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const INTERACTION_TYPES = ["voice", "chat", "email", "sms", "social", "workitem"] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const TARGET_TYPES = ["queue", "skill", "agent"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const RULE_EVENT_TYPES = ["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"] as const;
export type RuleEventType = (typeof RULE_EVENT_TYPES)[number];

export const SCOPES = ["routing:rules:read", "routing:rules:write", "webhooks:read", "webhooks:write"] as const;
export type Scope = (typeof SCOPES)[number];

export function isOneOf<T extends string>(values: readonly T[], candidate: unknown): candidate is T {
  return typeof candidate === "string" && (values as readonly string[]).includes(candidate);
}
