/** JSON shapes of the contract (see /tmp contract: "Wire format"). */

export interface RuleCondition {
  field: string;
  operator: string;
  value: unknown;
  conditionGroupId?: string;
}

export interface RuleTarget {
  type: string;
  id: string;
  weight: number;
  capacity: number;
}

/** What a client sends for a routing rule. */
export interface RoutingRuleInput {
  name: string;
  description?: string;
  priority: number;
  enabled: boolean;
  interactionType: string;
  conditions: RuleCondition[];
  targets: RuleTarget[];
  fallbackRuleId?: string;
}

export interface ServerFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type RoutingRule = RoutingRuleInput & ServerFields;

/** What a client sends for a webhook; `secret` is write-only. */
export interface WebhookInput {
  name: string;
  enabled: boolean;
  targetURL: string;
  /** Space-separated event names. */
  eventFilter: string;
  format: "json";
  secret?: string;
}

export type Webhook = Omit<WebhookInput, "secret"> & ServerFields & { hasSecret: boolean };

export interface ListPage<T> {
  items: T[];
  total: number;
  skip: number;
  top: number;
}

/** Fields the server owns; ignored when comparing what was sent with what is stored. */
export const SERVER_FIELDS: readonly string[] = ["id", "version", "createdAt", "updatedAt", "hasSecret"];
/** Fields the server never returns. */
export const WRITE_ONLY_FIELDS: readonly string[] = ["secret"];
