import type { Finding } from "../validation/findings";
import { closestName } from "../validation/edit-distance";
import type { EvaluableCondition } from "./condition-match";
import { describeInteraction, describeRule } from "./describe-route";
import { firstUnmatchedCondition, type EvaluableRule, type Interaction, type RoutingEvaluator } from "./routing-evaluator";
import type { RoutingTestCase } from "./routing-test-case";

/** A value that satisfies one condition on its own, when one is easy to name. */
function satisfying(condition: EvaluableCondition): { value: unknown } | undefined {
  const v = condition.value;
  switch (condition.operator) {
    case "equals":
    case "startsWith":
    case "contains":
    case "endsWith":
      return { value: v };
    case "notEquals":
      return { value: typeof v === "number" ? v + 1 : `not-${String(v)}` };
    case "greaterThan":
      return typeof v === "number" ? { value: v + 1 } : undefined;
    case "lessThan":
      return typeof v === "number" ? { value: v - 1 } : undefined;
    default:
      return undefined;
  }
}

/**
 * An interaction that `rule` matches, built from its conditions, checked with the evaluator; or
 * undefined when its conditions give none directly (regex, conflicting conditions).
 */
export function witnessFor(rule: EvaluableRule): Interaction | undefined {
  const attributes: Record<string, unknown> = {};
  for (const condition of rule.conditions) {
    if (condition.field in attributes) continue;
    const value = satisfying(condition);
    if (!value) return undefined;
    attributes[condition.field] = value.value;
  }
  return firstUnmatchedCondition(rule, attributes) ? undefined : { interactionType: rule.interactionType, attributes };
}

/**
 * The witness of a shadowed rule: an interaction it matches that the evaluator routes to an
 * earlier rule instead. Appended to the analysis's shadowed_rule reason.
 */
export function shadowWitness(evaluator: RoutingEvaluator, shadowed: EvaluableRule): string | undefined {
  const witness = witnessFor(shadowed);
  if (!witness) return undefined;
  const hit = evaluator.match(witness);
  if (!hit || hit === shadowed) return undefined;
  return `witness: ${describeInteraction(witness)} matches this rule but routes to ${describeRule(hit)}`;
}

/** Rules whose fallback chain reaches a rule of another interaction type. */
export function crossTypeFallbacks(evaluator: RoutingEvaluator): Finding[] {
  const findings: Finding[] = [];
  for (const rule of evaluator.rules) {
    const path = [rule];
    const seen = new Set([rule]);
    let current = rule;
    for (;;) {
      const next = evaluator.fallbackOf(current)?.rule;
      if (!next || seen.has(next)) break;
      path.push(next);
      seen.add(next);
      if (next.interactionType !== rule.interactionType) {
        findings.push({
          key: rule.key,
          field: "fallback",
          code: "fallback_crosses_type",
          reason: `fallback chain crosses interaction types: ${path.map((r) => `${r.key} (${r.interactionType})`).join(" -> ")}; a ${rule.interactionType} interaction cannot be served by a ${next.interactionType} rule`,
        });
        break;
      }
      current = next;
    }
  }
  return findings;
}

/** Attributes a case sets that no rule of the set reads: usually a misspelt field. */
export function unreadCaseAttributes(rules: readonly EvaluableRule[], cases: readonly RoutingTestCase[]): Finding[] {
  const read = new Set(rules.flatMap((r) => r.conditions.map((c) => c.field)));
  const fields = [...read];
  const findings: Finding[] = [];
  for (const testCase of cases) {
    for (const attribute of Object.keys(testCase.interaction.attributes)) {
      if (read.has(attribute)) continue;
      const suggestion = closestName(attribute, fields);
      findings.push({
        key: testCase.name,
        field: `interaction.attributes.${attribute}`,
        code: "unread_attribute",
        reason: `no rule reads the attribute ${JSON.stringify(attribute)}, so it cannot steer this case${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ""}`,
      });
    }
  }
  return findings;
}

/** `routing test "<name>" <field>: <reason>` (cases are not resources). */
export function formatCaseFinding(finding: Finding): string {
  return `routing test ${JSON.stringify(finding.key)} ${finding.field}: ${finding.reason}`;
}
