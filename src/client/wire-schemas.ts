import { z } from "zod";

// Kept out of wire-types.ts: the public declarations reach the wire types, and a user's
// `tsc` under Pulumi's template tsconfig (no esModuleInterop, no skipLibCheck) fails on zod's own
// declaration files, so no public .d.ts may import zod.

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
