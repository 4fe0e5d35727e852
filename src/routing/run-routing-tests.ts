import { describeInteraction, describeMismatch, describeRule } from "./describe-route";
import {
  createRoutingEvaluator,
  firstUnmatchedCondition,
  weightedTargets,
  type EvaluableRule,
  type RoutingEvaluator,
} from "./routing-evaluator";
import type { RoutingExpectation, RoutingTestCase } from "./routing-test-case";

/** A case whose interaction did not route as expected. */
export interface RoutingTestFailure {
  readonly testCase: RoutingTestCase;
  /** The rule the interaction hit (undefined: no rule). */
  readonly hit: EvaluableRule | undefined;
  /** The rule the case expected, when one rule of the set fits the expectation. */
  readonly expected: EvaluableRule | undefined;
  /** Why the expected rule did not take the interaction. */
  readonly reason: string;
}

function describeExpectation(expect: RoutingExpectation): string {
  if ("rule" in expect) return `rule ${JSON.stringify(expect.rule)}`;
  if ("queue" in expect) return `queue ${JSON.stringify(expect.queue)}`;
  if ("target" in expect) return `target ${JSON.stringify(expect.target)}`;
  return "no rule";
}

function fits(rule: EvaluableRule | undefined, expect: RoutingExpectation): boolean {
  if ("noRule" in expect) return rule === undefined;
  if (!rule) return false;
  if ("rule" in expect) return rule.key === expect.rule || rule.name === expect.rule;
  const wanted = "queue" in expect ? expect.queue : expect.target;
  return weightedTargets(rule).some((t) => t.id === wanted && ("queue" in expect ? t.type === "queue" : true));
}

/** Why `expected` did not take the interaction, given that `hit` did. */
function whyNot(testCase: RoutingTestCase, expected: EvaluableRule, hit: EvaluableRule | undefined): string {
  const { interactionType, attributes } = testCase.interaction;
  if (expected.interactionType !== interactionType) {
    return `${describeRule(expected)} routes ${expected.interactionType} interactions, not ${interactionType}`;
  }
  if (!expected.enabled) return `${describeRule(expected)} is disabled`;
  const failed = firstUnmatchedCondition(expected, attributes);
  if (failed) return describeMismatch(failed, attributes);
  return `every condition of ${JSON.stringify(expected.key)} matches, but ${describeRule(hit)} is evaluated first and matches too`;
}

/** Runs every case against the rule set; returns the failures in case order. */
export function runRoutingTests(
  rulesOrEvaluator: readonly EvaluableRule[] | RoutingEvaluator,
  cases: readonly RoutingTestCase[],
): RoutingTestFailure[] {
  const evaluator = "route" in rulesOrEvaluator ? rulesOrEvaluator : createRoutingEvaluator(rulesOrEvaluator);
  const failures: RoutingTestFailure[] = [];
  for (const testCase of cases) {
    const hit = evaluator.match(testCase.interaction);
    if (fits(hit, testCase.expect)) continue;
    const expect = testCase.expect;
    if ("noRule" in expect) {
      failures.push({ testCase, hit, expected: undefined, reason: `${describeRule(hit)} matches every one of its conditions` });
      continue;
    }
    // The expected rule: by name, or the first rule of this type (in evaluation order) holding the target.
    const candidates = "rule" in expect ? evaluator.rules : evaluator.ordered(testCase.interaction.interactionType);
    const expected = candidates.find((rule) => rule !== hit && fits(rule, expect));
    const reason = expected
      ? whyNot(testCase, expected, hit)
      : `no rule of the program ${"rule" in expect ? "has that key or name" : `for ${testCase.interaction.interactionType} interactions routes to it`}`;
    failures.push({ testCase, hit, expected, reason });
  }
  return failures;
}

/** One block per failing case: the case, the rule it hit, the rule expected and why. */
export function formatRoutingTestFailure(failure: RoutingTestFailure): string {
  const { testCase, hit, expected, reason } = failure;
  return [
    `routing test ${JSON.stringify(testCase.name)} failed`,
    `  interaction: ${describeInteraction(testCase.interaction)}`,
    `  routed to:   ${describeRule(hit)}`,
    `  expected:    ${expected && "rule" in testCase.expect ? describeRule(expected) : describeExpectation(testCase.expect)}${expected && !("rule" in testCase.expect) ? `, held by ${describeRule(expected)}` : ""}`,
    `  why:         ${reason}`,
  ].join("\n");
}
