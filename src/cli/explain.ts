import { describeCondition, describeInteraction } from "../routing/describe-route";
import { createRoutingEvaluator, type EvaluableRule, type Interaction } from "../routing/routing-evaluator";
import { UsageError } from "./errors";

/** A rule as the tenant serves it or the state records it (normalized fields), with its CXone id. */
export interface StoredRule {
  readonly id: string;
  readonly fields: Record<string, unknown>;
}

/** The evaluator's view of stored rules: keyed by CXone id, so fallbackRuleId links resolve. */
export function evaluableRules(rules: readonly StoredRule[]): EvaluableRule[] {
  return rules.map(({ id, fields }) => ({
    key: id,
    id,
    name: String(fields.name ?? id),
    priority: Number(fields.priority),
    enabled: fields.enabled !== false,
    interactionType: String(fields.interactionType),
    conditions: Array.isArray(fields.conditions) ? (fields.conditions as EvaluableRule["conditions"]) : [],
    targets: Array.isArray(fields.targets) ? (fields.targets as EvaluableRule["targets"]) : [],
    ...(typeof fields.fallbackRuleId === "string" && fields.fallbackRuleId ? { fallbackRuleId: fields.fallbackRuleId } : {}),
  }));
}

/** The interaction argument: `{"interactionType":"voice","attributes":{...}}`. */
export function parseInteraction(text: string | undefined): Interaction {
  if (!text)
    throw new UsageError(`explain needs an interaction, e.g. '{"interactionType":"voice","attributes":{"customerSegment":"vip"}}'.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the interaction is not JSON (${(error as Error).message}): ${text}`);
  }
  const v = value as { interactionType?: unknown; attributes?: unknown };
  if (
    typeof v?.interactionType !== "string" ||
    (v.attributes !== undefined && (typeof v.attributes !== "object" || v.attributes === null))
  ) {
    throw new UsageError(`the interaction must be {"interactionType": string, "attributes": object}, got ${text}`);
  }
  return { interactionType: v.interactionType, attributes: (v.attributes ?? {}) as Record<string, unknown> };
}

/** One rule the route passed, for `explain --json`. */
export interface ExplainedStep {
  readonly rule: string;
  readonly id: string | undefined;
  readonly priority: number;
  readonly outcome: "matched" | "disabled" | "condition_failed";
  /** For condition_failed: the first condition that did not hold and the attribute's value (null: missing). */
  readonly condition?: { readonly field: string; readonly operator: string; readonly value: unknown };
  readonly actual?: unknown;
}

/** What `explain --json` prints: the same facts as the text, for scripts. */
export interface ExplanationJson {
  readonly interaction: Interaction;
  readonly source: string;
  readonly matched: boolean;
  readonly steps: readonly ExplainedStep[];
  /** The matched rule, its weighted targets (share 0..1), the fallback chain; null when no rule matches. */
  readonly route: {
    readonly rule: { readonly name: string; readonly id: string | undefined };
    readonly targets: ReadonlyArray<{ readonly type: string; readonly id: string; readonly share: number }>;
    readonly fallbackChain: readonly string[];
    readonly fallbackExit?: string;
    readonly servedBy?: string;
  } | null;
}

export interface Explanation {
  readonly text: string;
  readonly matched: boolean;
  readonly json: ExplanationJson;
}

function explainedSteps(verdicts: ReturnType<ReturnType<typeof createRoutingEvaluator>["explain"]>): ExplainedStep[] {
  return verdicts.map((v) => ({
    rule: v.rule.name,
    id: v.rule.id,
    priority: v.rule.priority,
    outcome: v.outcome,
    ...(v.outcome === "condition_failed"
      ? {
          condition: { field: v.condition.field, operator: v.condition.operator, value: v.condition.value },
          actual: v.actual === undefined ? null : v.actual,
        }
      : {}),
  }));
}

/** The route rule by rule: why each earlier rule did not match, the match, its targets and fallback chain. */
export function explainRoute(rules: readonly EvaluableRule[], interaction: Interaction, source: string): Explanation {
  const evaluator = createRoutingEvaluator(rules);
  const lines = [`${describeInteraction(interaction)} against ${source}:`];
  const verdicts = evaluator.explain(interaction);
  if (verdicts.length === 0) lines.push(`  no ${interaction.interactionType} rule at all`);
  verdicts.forEach((v, i) => {
    const head = `  ${String(i + 1).padStart(2)}. priority ${String(v.rule.priority).padStart(5)}  ${JSON.stringify(v.rule.name)}`;
    if (v.outcome === "disabled") lines.push(`${head}: skipped, disabled`);
    else if (v.outcome === "condition_failed") {
      const given = v.actual === undefined || v.actual === null ? "attribute missing" : `given ${JSON.stringify(v.actual)}`;
      lines.push(`${head}: no, ${describeCondition(v.condition)} does not hold (${given})`);
    } else
      lines.push(
        `${head}: MATCH${v.rule.conditions.length === 0 ? " (no conditions)" : `, all ${v.rule.conditions.length} condition(s) hold`}`,
      );
  });
  const decision = evaluator.route(interaction);
  const base = { interaction, source, steps: explainedSteps(verdicts) };
  if (!decision.rule) {
    lines.push(`  route: no rule matches; CXone's default handling applies`);
    return { text: lines.join("\n"), matched: false, json: { ...base, matched: false, route: null } };
  }
  const targets = decision.targets.map((t) => `${t.type} ${t.id} ${Math.round(t.share * 1000) / 10}%`).join(", ");
  lines.push(`  route: ${JSON.stringify(decision.rule.name)} -> ${targets || "no targets with weight"}`);
  const chain = [
    ...decision.fallbackChain.map((r) => JSON.stringify(r.name)),
    ...(decision.fallbackExit ? [`${decision.fallbackExit} (outside this set)`] : []),
  ];
  lines.push(`  fallback chain: ${chain.length ? chain.join(" -> ") : "none"}`);
  if (decision.servedBy && decision.servedBy !== decision.rule)
    lines.push(`  served by: ${JSON.stringify(decision.servedBy.name)} (the matched rule has no weighted targets)`);
  const route = {
    rule: { name: decision.rule.name, id: decision.rule.id },
    targets: decision.targets.map((t) => ({ type: t.type, id: t.id, share: t.share })),
    fallbackChain: decision.fallbackChain.map((r) => r.name),
    ...(decision.fallbackExit ? { fallbackExit: decision.fallbackExit } : {}),
    ...(decision.servedBy && decision.servedBy !== decision.rule ? { servedBy: decision.servedBy.name } : {}),
  };
  return { text: lines.join("\n"), matched: true, json: { ...base, matched: true, route } };
}
