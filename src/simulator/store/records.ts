import type { ConditionOperator, InteractionType, TargetType } from "../vocabulary";

/** One condition of a stored rule. */
export interface RuleCondition {
  field: string;
  operator: ConditionOperator;
  value?: unknown;
  conditionGroupId?: string;
}

/** One target of a stored rule. */
export interface RuleTarget {
  type: TargetType;
  id: string;
  weight: number;
  capacity: number;
}

/** Client-writable rule fields, after server-side validation. */
export interface RuleInput {
  name: string;
  description?: string;
  priority: number;
  enabled: boolean;
  interactionType: InteractionType;
  conditions: RuleCondition[];
  targets: RuleTarget[];
  fallbackRuleId?: string;
}

/** Fields the server sets on every stored object. */
export interface ServerFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A rule as stored and as served (rules have no hidden fields). */
export type Rule = ServerFields & RuleInput;

/** Client-writable webhook fields, after server-side validation. */
export interface WebhookInput {
  name: string;
  enabled: boolean;
  targetURL: string;
  eventFilter: string;
  format: "json";
}

/** A webhook as stored: the secret stays server-side because the server signs deliveries. */
export type StoredWebhook = ServerFields & WebhookInput & { secret?: string };

/** A webhook as served: the write-only secret is replaced by `hasSecret`. */
export type WebhookView = ServerFields & WebhookInput & { hasSecret: boolean };

/** What the admin API hands out: the served representation plus its current ETag. */
export type WithETag<T> = T & { etag: string };
