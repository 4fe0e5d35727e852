import { conditionMatches, type EvaluableCondition } from "./condition-match";

/** One target of a rule. */
export interface EvaluableTarget {
  readonly type: string;
  readonly id: string;
  readonly weight: number;
  readonly capacity?: number;
}

/** A routing rule as the evaluator reads it: a program's declaration, a tenant's rule or a state's outputs. */
export interface EvaluableRule {
  /** Unique in the set: the program's logical name, or the CXone id for a tenant's rules. */
  readonly key: string;
  /** The rule's name in CXone. */
  readonly name: string;
  /** Lower numbers are evaluated first; ties keep the set's order (creation order in CXone). */
  readonly priority: number;
  readonly enabled: boolean;
  readonly interactionType: string;
  readonly conditions: readonly EvaluableCondition[];
  readonly targets?: readonly EvaluableTarget[];
  /** Key of the fallback rule in this set. */
  readonly fallback?: string;
  /** CXone id of the fallback rule (resolved against the rules' `id`s). */
  readonly fallbackRuleId?: string;
  /** The rule's CXone id, when known. */
  readonly id?: string;
}

/** What arrives at CXone: its channel and the attributes the IVR, chat form or CRM attached. */
export interface Interaction {
  readonly interactionType: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Where an interaction goes. */
export interface RouteDecision {
  /** The first enabled rule of the interaction's type, in priority order, whose conditions all match. */
  readonly rule: EvaluableRule | undefined;
  /** The rule's targets with a positive weight, each with its share of the traffic (0..1). */
  readonly targets: ReadonlyArray<EvaluableTarget & { readonly share: number }>;
  /** The rules reached by following fallbacks from `rule` (in order, stopping before a repeat). */
  readonly fallbackChain: readonly EvaluableRule[];
  /** A fallback id the set does not hold (a rule outside it), where the chain leaves the set. */
  readonly fallbackExit?: string;
  /** The rule whose targets serve the interaction: `rule`, or the first rule of the chain with targets. */
  readonly servedBy: EvaluableRule | undefined;
}

/** Why one rule did or did not take the interaction. */
export type RuleVerdict =
  | { readonly rule: EvaluableRule; readonly outcome: "matched" }
  | { readonly rule: EvaluableRule; readonly outcome: "disabled" }
  | {
      readonly rule: EvaluableRule;
      readonly outcome: "condition_failed";
      readonly condition: EvaluableCondition;
      readonly actual: unknown;
    };

/** A compiled rule set: evaluate many interactions against it. */
export interface RoutingEvaluator {
  readonly rules: readonly EvaluableRule[];
  /** Where the interaction goes: the matched rule, its weighted targets and its fallback chain. */
  route(interaction: Interaction): RouteDecision;
  /** The matching rule only (no targets, no chain): the fast path for large corpora. */
  match(interaction: Interaction): EvaluableRule | undefined;
  /** Every rule of the interaction's type in evaluation order, up to and including the match. */
  explain(interaction: Interaction): RuleVerdict[];
  /** The rules of one interaction type in evaluation order (disabled ones included). */
  ordered(interactionType: string): readonly EvaluableRule[];
  /** The fallback rule of `rule` in this set, or its id when it is outside the set. */
  fallbackOf(rule: EvaluableRule): { rule?: EvaluableRule; outside?: string } | undefined;
}

/** The first condition of `rule` that does not hold for `attributes`, or undefined when all hold. */
export function firstUnmatchedCondition(
  rule: EvaluableRule,
  attributes: Readonly<Record<string, unknown>>,
): EvaluableCondition | undefined {
  for (const condition of rule.conditions) if (!conditionMatches(condition, attributes)) return condition;
  return undefined;
}

/**
 * Compiles a rule set. The order is CXone's: per interaction type, ascending `priority`, ties in
 * the order of `rules`.
 */
export function createRoutingEvaluator(rules: readonly EvaluableRule[]): RoutingEvaluator {
  const byType = new Map<string, EvaluableRule[]>();
  const enabledByType = new Map<string, EvaluableRule[]>();
  const order = new Map<EvaluableRule, number>();
  rules.forEach((rule, index) => {
    order.set(rule, index);
    let group = byType.get(rule.interactionType);
    if (!group) byType.set(rule.interactionType, (group = []));
    group.push(rule);
  });
  for (const [type, group] of byType) {
    group.sort((a, b) => a.priority - b.priority || order.get(a)! - order.get(b)!);
    enabledByType.set(
      type,
      group.filter((rule) => rule.enabled),
    );
  }
  const byKey = new Map(rules.map((rule) => [rule.key, rule]));
  const byId = new Map(rules.filter((rule) => rule.id !== undefined).map((rule) => [rule.id!, rule]));

  const match = (interaction: Interaction): EvaluableRule | undefined => {
    const candidates = enabledByType.get(interaction.interactionType);
    if (!candidates) return undefined;
    for (const rule of candidates) {
      let all = true;
      for (const condition of rule.conditions) {
        if (!conditionMatches(condition, interaction.attributes)) {
          all = false;
          break;
        }
      }
      if (all) return rule;
    }
    return undefined;
  };

  const fallbackOf = (rule: EvaluableRule): { rule?: EvaluableRule; outside?: string } | undefined => {
    if (rule.fallback !== undefined) {
      const next = byKey.get(rule.fallback);
      return next ? { rule: next } : { outside: rule.fallback };
    }
    if (rule.fallbackRuleId !== undefined && rule.fallbackRuleId !== "") {
      const next = byId.get(rule.fallbackRuleId);
      return next ? { rule: next } : { outside: rule.fallbackRuleId };
    }
    return undefined;
  };

  return {
    rules,
    match,
    fallbackOf,
    ordered: (interactionType) => byType.get(interactionType) ?? [],
    route(interaction) {
      const rule = match(interaction);
      if (!rule) return { rule: undefined, targets: [], fallbackChain: [], servedBy: undefined };
      const chain: EvaluableRule[] = [];
      const seen = new Set<EvaluableRule>([rule]);
      let exit: string | undefined;
      let current = rule;
      for (;;) {
        const next = fallbackOf(current);
        if (!next) break;
        if (next.outside !== undefined) {
          exit = next.outside;
          break;
        }
        if (seen.has(next.rule!)) break;
        seen.add(next.rule!);
        chain.push(next.rule!);
        current = next.rule!;
      }
      const servedBy = [rule, ...chain].find((r) => weightedTargets(r).length > 0);
      return {
        rule,
        targets: weightedTargets(rule),
        fallbackChain: chain,
        ...(exit !== undefined ? { fallbackExit: exit } : {}),
        servedBy: servedBy ?? (exit === undefined ? undefined : rule),
      };
    },
    explain(interaction) {
      const verdicts: RuleVerdict[] = [];
      for (const rule of byType.get(interaction.interactionType) ?? []) {
        if (!rule.enabled) {
          verdicts.push({ rule, outcome: "disabled" });
          continue;
        }
        const failed = firstUnmatchedCondition(rule, interaction.attributes);
        if (failed) {
          verdicts.push({ rule, outcome: "condition_failed", condition: failed, actual: interaction.attributes[failed.field] });
          continue;
        }
        verdicts.push({ rule, outcome: "matched" });
        break;
      }
      return verdicts;
    },
  };
}

/** A rule's targets with a positive weight and their share of the traffic. */
export function weightedTargets(rule: EvaluableRule): Array<EvaluableTarget & { share: number }> {
  const targets = (rule.targets ?? []).filter((t) => t.weight > 0);
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  return targets.map((t) => ({ ...t, share: t.weight / total }));
}

/**
 * The target a draw in [0, 1) selects: targets in their listed order, each taking a slice of the
 * unit interval proportional to its weight. Undefined when the rule has no target with weight.
 */
export function pickTarget(rule: EvaluableRule, draw: number): EvaluableTarget | undefined {
  const targets = weightedTargets(rule);
  let cumulative = 0;
  for (const target of targets) {
    cumulative += target.share;
    if (draw < cumulative) return target;
  }
  return targets[targets.length - 1];
}

/** The one-shot form: the decision for one interaction against a rule set. */
export function routeInteraction(rules: readonly EvaluableRule[], interaction: Interaction): RouteDecision {
  return createRoutingEvaluator(rules).route(interaction);
}
