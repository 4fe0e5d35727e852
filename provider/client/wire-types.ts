import { z } from "zod";

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

/*
 * Zod schemas of what the server sends back. Every body the client returns is checked against
 * them (response-check.ts), so a reply with a missing id or `priority: "10"` becomes an
 * UnusableResponseError instead of a wrong Pulumi state. Loose objects: fields the contract does
 * not know yet are kept and ignored, as a newer API may add some.
 */
const ruleConditionSchema = z.looseObject({
  field: z.string(),
  operator: z.string(),
  value: z.unknown(),
  conditionGroupId: z.string().optional(),
});

const ruleTargetSchema = z.looseObject({
  type: z.string(),
  id: z.string(),
  weight: z.number(),
  capacity: z.number(),
});

const serverFieldsShape = {
  id: z.string().min(1),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const routingRuleSchema = z.looseObject({
  ...serverFieldsShape,
  name: z.string(),
  description: z.string().optional(),
  priority: z.number(),
  enabled: z.boolean(),
  interactionType: z.string(),
  conditions: z.array(ruleConditionSchema),
  targets: z.array(ruleTargetSchema),
  fallbackRuleId: z.string().optional(),
});

export const webhookSchema = z.looseObject({
  ...serverFieldsShape,
  name: z.string(),
  enabled: z.boolean(),
  targetURL: z.string(),
  eventFilter: z.string(),
  format: z.literal("json"),
  hasSecret: z.boolean(),
});

/** A list item may carry its ETag (see ListItemETag); the item endpoint's ETag header is authoritative. */
export function listPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    items: z.array(z.intersection(item, z.looseObject({ etag: z.string().min(1).optional() }))),
    total: z.number().int().nonnegative(),
    skip: z.number().int().nonnegative().optional(),
    top: z.number().int().positive().optional(),
  });
}
