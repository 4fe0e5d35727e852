import type { RoutingRuleInput, RuleTarget } from "../../src/client/index";
import type { SeedRule } from "../../src/simulator/index";

/** The fields of a routing rule as every layer writes them (client, simulator, provider, program): the client's wire input. */
export type RuleFields = RoutingRuleInput;

/**
 * The one rule builder of the tests: a valid voice rule, with `overrides` laid over it.
 *
 * The result keeps the overrides' types, so a test may pass a wrong type on purpose (validation
 * tests) and still get a typed rule when it does not. The targets are deliberately out of id order
 * (queue-b before queue-a), so that a layer that sorts them shows it; the weights add up to 100.
 */
export function rule<O extends object = Record<never, never>>(overrides?: O): Omit<RuleFields, keyof O> & O {
  const base: RuleFields = {
    name: "vip-voice",
    priority: 10,
    enabled: true,
    interactionType: "voice",
    conditions: [
      { field: "customerSegment", operator: "equals", value: "vip" },
      { field: "language", operator: "equals", value: "en" },
    ],
    targets: [
      { type: "queue", id: "queue-b", weight: 40, capacity: 5 },
      { type: "queue", id: "queue-a", weight: 60, capacity: 10 },
    ],
  };
  return { ...base, ...overrides } as unknown as Omit<RuleFields, keyof O> & O;
}

/** `rule()`'s targets as a layer that sorts targets by id gives them back. */
export const TARGETS_BY_ID: RuleTarget[] = [
  { type: "queue", id: "queue-a", weight: 60, capacity: 10 },
  { type: "queue", id: "queue-b", weight: 40, capacity: 5 },
];

/** `rule()` in the simulator's seed type (an optional `id` picks the seeded rule's id). */
export function seedRule(overrides: Partial<SeedRule> = {}): SeedRule {
  return { ...rule(), ...overrides };
}

/**
 * A rule as someone made it in the CXone console: with a name of its own, it differs from `rule()`
 * in every field, so a test that adopts or takes it over sees each field change.
 */
export const CONSOLE_FIELDS = {
  priority: 50,
  interactionType: "chat",
  conditions: [{ field: "topic", operator: "equals", value: "billing" }],
  targets: [{ type: "skill", id: "skill-billing", weight: 100, capacity: 3 }],
} satisfies Partial<RuleFields>;

/** One rule of the rules-as-data e2e program (test/e2e/programs/rules-as-data): a rule plus its logical name. */
export type RuleData = Partial<RuleFields> & {
  key: string;
  name: string;
  priority: number;
  targets: RuleTarget[];
  fallback?: string;
  adoptId?: string;
  adoptEtag?: string;
  aliases?: string[];
};

/** A condition on segment `key` and a queue of its own: rules given distinct keys never shadow each other. */
export function lane(key: string): Pick<RuleFields, "conditions" | "targets"> {
  return {
    conditions: [{ field: "segment", operator: "equals", value: key }],
    targets: [{ type: "queue", id: `queue-${key}`, weight: 100, capacity: 10 }],
  };
}
