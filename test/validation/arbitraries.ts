import fc from "fast-check";
import { UNKNOWN_PLACEHOLDER } from "../../src/validation";

const text = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((s) => s.trim().length > 0);

/** Condition inputs that are valid for their operator. */
export const validConditionArb = fc
  .oneof(
    fc.record({ field: text(30), operator: fc.constantFrom("greaterThan", "lessThan"), value: fc.integer() }),
    fc.record({ field: text(30), operator: fc.constantFrom("startsWith", "contains", "endsWith"), value: fc.string() }),
    fc.record({
      field: text(30),
      operator: fc.constant("matchesRegex"),
      value: fc.constantFrom("^vip$", "[0-9]{3}", "a|b", "^(foo|bar)$", "(\\d{1,3}\\.){3}\\d{1,3}", "^\\+1\\d{10}$"),
    }),
    fc.record({
      field: text(30),
      operator: fc.constantFrom("equals", "notEquals"),
      value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    }),
  )
  .chain((condition) =>
    fc
      .option(text(20), { nil: undefined })
      .map((conditionGroupId) => (conditionGroupId === undefined ? condition : { ...condition, conditionGroupId })),
  );

/** 1..5 targets with distinct (type, id) and weights summing to exactly 100. */
export const validTargetsArb = fc
  .integer({ min: 1, max: 5 })
  .chain((count) =>
    fc.tuple(
      fc.uniqueArray(fc.tuple(fc.constantFrom("queue", "skill", "agent"), fc.oneof(text(20), fc.constant(UNKNOWN_PLACEHOLDER))), {
        minLength: count,
        maxLength: count,
        selector: ([type, id]) => `${type}\u0000${id}`,
      }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: count - 1, maxLength: count - 1 }),
      fc.array(fc.nat({ max: 1000 }), { minLength: count, maxLength: count }),
    ),
  )
  .map(([keys, cuts, capacities]) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), 100];
    return keys.map(([type, id], i) => ({ type, id, weight: bounds[i + 1]! - bounds[i]!, capacity: capacities[i]! }));
  })
  // two unknown ids of one type are allowed (they cannot be compared yet), but keep the
  // generator simple: at most one unknown id
  .filter((targets) => targets.filter((target) => target.id === UNKNOWN_PLACEHOLDER).length <= 1);

/** Where a valid rule routes besides its targets. */
const routingArb = fc.oneof(
  fc.record({ targets: validTargetsArb }),
  fc.record({ targets: fc.oneof(validTargetsArb, fc.constant([])), fallback: text(40) }),
  fc.record({ targets: fc.oneof(validTargetsArb, fc.constant([])), fallbackRuleId: fc.oneof(text(40), fc.constant(UNKNOWN_PLACEHOLDER)) }),
);

/** Valid routing rule inputs (as a program would write them). */
export const validRuleArb = fc
  .record(
    {
      name: text(128),
      description: fc.string({ maxLength: 200 }),
      priority: fc.integer({ min: 1, max: 10_000 }),
      enabled: fc.boolean(),
      interactionType: fc.constantFrom("voice", "chat", "email", "sms", "social", "workitem"),
      conditions: fc.array(validConditionArb, { maxLength: 10 }),
    },
    { requiredKeys: ["name", "priority", "interactionType"] },
  )
  .chain((base) => routingArb.map((routing) => ({ ...base, ...routing })));

export type RuleRecord = Record<string, unknown> & {
  conditions?: Array<Record<string, unknown>>;
  targets: Array<Record<string, unknown>>;
};

/** Valid webhook inputs. */
export const validWebhookArb = fc.record(
  {
    name: text(128),
    enabled: fc.boolean(),
    targetURL: fc.oneof(
      fc.webUrl({ validSchemes: ["https"] }),
      fc
        .tuple(fc.constantFrom("127.0.0.1", "[::1]", "localhost"), fc.integer({ min: 1, max: 65535 }))
        .map(([host, port]) => `http://${host}:${port}/hook`),
    ),
    eventFilter: fc.shuffledSubarray(["routing.rule.created", "routing.rule.updated", "routing.rule.deleted"], { minLength: 1 }),
    format: fc.constant("json"),
    secret: fc.string({ minLength: 16, maxLength: 64 }),
  },
  { requiredKeys: ["name", "targetURL", "eventFilter"] },
);
