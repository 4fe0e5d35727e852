import type { Interaction } from "./routing-evaluator";

/** What a case expects of the route. */
export type RoutingExpectation =
  /** The rule's logical name (program key) or its CXone name. */
  | { readonly rule: string }
  /** The matching rule has a queue target with this id (and a positive weight). */
  | { readonly queue: string }
  /** The matching rule has a target of any type with this id (and a positive weight). */
  | { readonly target: string }
  /** No rule matches. */
  | { readonly noRule: true };

/** One what-if case: this interaction must route this way. */
export interface RoutingTestCase {
  readonly name: string;
  readonly interaction: Interaction;
  readonly expect: RoutingExpectation;
}

/** Says what is wrong with a case's shape, or returns the case typed. */
export function parseRoutingTestCase(value: unknown, where: string): RoutingTestCase | string {
  if (typeof value !== "object" || value === null) return `${where}: a case must be an object {name, interaction, expect}`;
  const c = value as Record<string, unknown>;
  if (typeof c.name !== "string" || c.name.trim() === "") return `${where}: "name" must be a non-empty string`;
  const label = `${where} (${JSON.stringify(c.name)})`;
  const interaction = c.interaction as Record<string, unknown> | undefined;
  if (typeof interaction !== "object" || interaction === null || typeof interaction.interactionType !== "string") {
    return `${label}: "interaction" must be {interactionType: string, attributes: object}`;
  }
  const attributes = interaction.attributes ?? {};
  if (typeof attributes !== "object" || attributes === null || Array.isArray(attributes)) {
    return `${label}: "interaction.attributes" must be an object`;
  }
  const expect = c.expect as Record<string, unknown> | undefined;
  if (typeof expect !== "object" || expect === null) return `${label}: "expect" must be {rule} | {queue} | {target} | {noRule: true}`;
  const kinds = ["rule", "queue", "target", "noRule"].filter((k) => expect[k] !== undefined);
  if (kinds.length !== 1)
    return `${label}: "expect" must have exactly one of rule, queue, target, noRule; got ${kinds.join(", ") || "none"}`;
  const kind = kinds[0]!;
  if (kind === "noRule" ? expect.noRule !== true : typeof expect[kind] !== "string" || expect[kind] === "") {
    return `${label}: expect.${kind} must be ${kind === "noRule" ? "true" : "a non-empty string"}`;
  }
  return {
    name: c.name,
    interaction: { interactionType: interaction.interactionType, attributes: attributes as Record<string, unknown> },
    expect: (kind === "noRule" ? { noRule: true } : { [kind]: expect[kind] }) as RoutingExpectation,
  };
}
