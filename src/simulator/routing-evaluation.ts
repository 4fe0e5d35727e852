import { conditionMatches as libraryConditionMatches } from "../routing/condition-match";
import { createRoutingEvaluator } from "../routing/routing-evaluator";
import type { Rule, RuleCondition } from "./store/records";

/** An interaction to route (`POST /_admin/route`). */
export interface RouteRequest {
  interactionType: string;
  attributes: Record<string, unknown>;
}

/** The first matching enabled rule, or null. */
export interface RouteResult {
  ruleId: string;
  ruleName: string;
}

/**
 * The rule an interaction lands on, by the library's evaluator (provider/routing): the first
 * enabled rule of its type, in ascending priority (lower number first; ties broken by creation
 * order), whose conditions all match. The simulator serves exactly the semantics the README
 * documents under "Routing semantics".
 */
export function evaluateRouting(rules: Rule[], request: RouteRequest): RouteResult | null {
  const evaluator = createRoutingEvaluator(
    rules.map((rule) => ({
      key: rule.id,
      id: rule.id,
      name: rule.name,
      priority: rule.priority,
      enabled: rule.enabled,
      interactionType: rule.interactionType,
      conditions: rule.conditions,
      targets: rule.targets,
      ...(rule.fallbackRuleId ? { fallbackRuleId: rule.fallbackRuleId } : {}),
    })),
  );
  const match = evaluator.match(request);
  return match === undefined ? null : { ruleId: match.key, ruleName: match.name };
}

/** One condition against the attributes (the library's semantics). */
export function conditionMatches(condition: RuleCondition, attributes: Record<string, unknown>): boolean {
  return libraryConditionMatches(condition, attributes);
}
