/**
 * Vocabulary and limits shared by the rule and webhook validators.
 *
 * The operator matrix comes from the CXone routing engine (see the seed tutorial); the sets
 * that differ between tenants (interaction types, target types) are only defaults and can be
 * replaced through the validation options.
 */

/**
 * One of the names in `T`, or any other string: the type of the resources' enum-like inputs.
 * Editors still offer the names in `T`; any string compiles, because TypeScript widens a literal
 * held in a variable (`const t = { type: "queue" }` has `type: string`), and `check` refuses a
 * value outside the set at preview with the allowed values and the nearest one. Pulumi's
 * generated SDKs type enum inputs the same way (`Input<Enum | string>`).
 */
// `string & {}` keeps the literals from being absorbed into `string`, which would lose completion.
export type OpenChoice<T extends string> = T | (string & {});

/** Condition operators the routing engine understands. */
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

/** A condition operator from {@link CONDITION_OPERATORS}. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators that compare numerically and so need a number value. */
export const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(["greaterThan", "lessThan"]);

/** Operators that work on text and so need a string value. */
export const TEXT_OPERATORS: ReadonlySet<string> = new Set(["startsWith", "contains", "endsWith", "matchesRegex"]);

/** Default set of interaction types (channels) a rule can apply to. */
export const DEFAULT_INTERACTION_TYPES = ["voice", "chat", "email", "sms", "social", "workitem"] as const;

/** An interaction type from {@link DEFAULT_INTERACTION_TYPES}: what a `RoutingRule` accepts. */
export type InteractionType = (typeof DEFAULT_INTERACTION_TYPES)[number];

/** Default set of routing target types. */
export const DEFAULT_TARGET_TYPES = ["queue", "skill", "agent"] as const;

/** A routing target type from {@link DEFAULT_TARGET_TYPES}: what a `RoutingRule` target accepts. */
export type TargetType = (typeof DEFAULT_TARGET_TYPES)[number];

/** Webhook events a subscription may filter on. */
export const WEBHOOK_EVENTS = ["routing.rule.created", "routing.rule.deleted", "routing.rule.updated"] as const;

/** A webhook event name from {@link WEBHOOK_EVENTS}. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * The API's own form of an event filter: event names separated by spaces, e.g.
 * `"routing.rule.created routing.rule.updated"` (up to one of each event, in any order).
 */
export type WebhookEventFilter = WebhookEvent | `${WebhookEvent} ${WebhookEvent}` | `${WebhookEvent} ${WebhookEvent} ${WebhookEvent}`;

/** Payload formats a webhook can deliver. */
export const WEBHOOK_FORMATS = ["json"] as const;

/** Hosts that may be reached over plain http, because traffic never leaves the machine. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "::1", "localhost"]);

/** Default maximum number of conditions on one rule. */
export const DEFAULT_MAX_CONDITIONS = 10;

/** Inclusive bounds of a rule's priority; lower numbers are evaluated first. */
export const PRIORITY_MIN = 1;
export const PRIORITY_MAX = 10_000;

export const NAME_MAX_LENGTH = 128;

/** Longest `matchesRegex` pattern accepted: the backtracking screen's work grows with the pattern. */
export const REGEX_MAX_LENGTH = 1000;
export const DESCRIPTION_MAX_LENGTH = 1024;
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

/** Inclusive bounds of one target's weight; the weights of a rule add up to {@link WEIGHT_TOTAL}. */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 100;
export const WEIGHT_TOTAL = 100;

/** Default longest fallback chain (in hops) before the analysis warns. */
export const DEFAULT_MAX_CHAIN_DEPTH = 5;
