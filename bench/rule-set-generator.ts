import type { AnalyzableCondition, AnalyzableRule } from "../src/validation";
import { mulberry32 } from "../src/simulator/prng";

// The simulator's seeded PRNG, so every run analyses the same data.
const random = mulberry32;

const INTERACTION_TYPES = ["voice", "chat", "email", "sms", "social", "workitem"];
const TEXT_FIELDS = ["customerSegment", "language", "region", "product", "brand", "intent", "campaign", "ani", "dnis", "subject"];
const NUMBER_FIELDS = ["queueWaitSeconds", "customerValue", "openCases", "npsScore", "accountAgeDays"];
const TEXT_OPERATORS = ["equals", "notEquals", "startsWith", "contains", "endsWith"];
const NUMBER_OPERATORS = ["equals", "greaterThan", "lessThan"];

/** Shape of the generated program. */
export interface RuleSetShape {
  readonly rules: number;
  readonly seed?: number;
  /** Longest fallback chain inside the program, in rules. Default 5. */
  readonly maxChainLength?: number;
}

/**
 * A realistic, acyclic program of `rules` routing rules with exactly one fallback edge each:
 * rules form chains of 1..maxChainLength rules of one interaction type; inside a chain a rule
 * falls back to the next by logical name, or (when the next one is already deployed and has an
 * id) by `fallbackRuleId`; the last rule of a chain falls back to a rule outside the program.
 * Each rule has 1-4 conditions drawn from shared pools (sized with the program), so some rules
 * overlap and shadow each other, as in real programs.
 */
export function generateRuleSet(shape: RuleSetShape): AnalyzableRule[] {
  const next = random(shape.seed ?? 42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const maxChainLength = shape.maxChainLength ?? 5;
  const priorityByType = new Map<string, number>();

  // Larger organisations route on more distinct values (campaigns, products, numbers...), so
  // the value pools grow with the program: the share of overlapping rules stays comparable.
  const textValues = Math.max(40, Math.ceil(shape.rules / 250));
  const numberValues = Math.max(600, Math.ceil((shape.rules * 600) / 10_000));
  const condition = (): AnalyzableCondition => {
    if (next() < 0.65) {
      const field = pick(TEXT_FIELDS);
      return { field, operator: pick(TEXT_OPERATORS), value: `${field}-${Math.floor(next() * textValues)}` };
    }
    return { field: pick(NUMBER_FIELDS), operator: pick(NUMBER_OPERATORS), value: Math.floor(next() * numberValues) };
  };

  const rules: AnalyzableRule[] = [];
  while (rules.length < shape.rules) {
    const interactionType = pick(INTERACTION_TYPES);
    const length = Math.min(1 + Math.floor(next() * maxChainLength), shape.rules - rules.length);
    const chain: Array<{ key: string; id?: string }> = [];
    for (let i = 0; i < length; i++) {
      const number = rules.length + i;
      chain.push({ key: `rule-${number}`, ...(next() < 0.5 ? { id: `cx-${number.toString(16).padStart(8, "0")}` } : {}) });
    }
    chain.forEach((member, i) => {
      const priority = (priorityByType.get(interactionType) ?? 0) + 1;
      priorityByType.set(interactionType, priority);
      const following = chain[i + 1];
      const fallback =
        following === undefined
          ? { fallbackRuleId: `external-${Math.floor(next() * 500)}` }
          : following.id !== undefined && next() < 0.3
            ? { fallbackRuleId: following.id }
            : { fallback: following.key };
      rules.push({
        key: member.key,
        name: `Rule ${member.key}`,
        priority,
        enabled: next() < 0.95,
        interactionType,
        conditions: Array.from({ length: 1 + Math.floor(next() * 4) }, condition),
        ...(member.id !== undefined ? { id: member.id } : {}),
        ...fallback,
      });
    });
  }
  return rules;
}

/** Number of fallback edges (`fallback` or `fallbackRuleId`) in a generated program. */
export function countFallbackEdges(rules: readonly AnalyzableRule[]): number {
  return rules.filter((rule) => rule.fallback !== undefined || rule.fallbackRuleId !== undefined).length;
}

/**
 * `rules` rules in fallback cycles of `cycleLength` rules each (the last cycle may be shorter):
 * rule i falls back by name to the next rule of its cycle, the last back to the first. Unique
 * priorities and conditions, so cycles are the only findings.
 */
export function generateCyclicRuleSet(shape: { readonly rules: number; readonly cycleLength: number }): AnalyzableRule[] {
  const rules: AnalyzableRule[] = [];
  for (let start = 0; start < shape.rules; start += shape.cycleLength) {
    const end = Math.min(start + shape.cycleLength, shape.rules);
    for (let i = start; i < end; i++) {
      rules.push({
        key: `rule-${i}`,
        name: `Rule ${i}`,
        priority: i + 1,
        enabled: true,
        interactionType: "voice",
        conditions: [{ field: "segment", operator: "equals", value: `s${i}` }],
        fallback: `rule-${i + 1 < end ? i + 1 : start}`,
      });
    }
  }
  return rules;
}
