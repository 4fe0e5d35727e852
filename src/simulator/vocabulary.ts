/** The seed's closed vocabularies, shared by validation, routing evaluation and events. */

/** Condition operators the simulated routing engine understands. */
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
/** One of {@link CONDITION_OPERATORS}. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Interaction types (channels) a simulated rule can apply to. */
export const INTERACTION_TYPES = ["voice", "chat", "email", "sms", "social", "workitem"] as const;
/** One of {@link INTERACTION_TYPES}. */
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** Routing target types the simulator accepts. */
export const TARGET_TYPES = ["queue", "skill", "agent"] as const;
/** One of {@link TARGET_TYPES}. */
export type TargetType = (typeof TARGET_TYPES)[number];

/** Events the simulator delivers to webhooks. */
export const RULE_EVENT_TYPES = ["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"] as const;
/** One of {@link RULE_EVENT_TYPES}. */
export type RuleEventType = (typeof RULE_EVENT_TYPES)[number];

/** OAuth scopes the simulator grants and checks. */
export const SCOPES = ["routing:rules:read", "routing:rules:write", "webhooks:read", "webhooks:write"] as const;
/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** True when `candidate` is one of `values` (narrows it). */
export function isOneOf<T extends string>(values: readonly T[], candidate: unknown): candidate is T {
  return typeof candidate === "string" && (values as readonly string[]).includes(candidate);
}
