/**
 * CXone's matching semantics as one evaluator (README, "Routing semantics"): used by the
 * simulator, the routing tests, the impact report, the behaviour warnings and `cxone-routing explain`.
 */
export { conditionMatches, type EvaluableCondition } from "./condition-match";
export {
  createRoutingEvaluator,
  firstUnmatchedCondition,
  pickTarget,
  routeInteraction,
  weightedTargets,
  type EvaluableRule,
  type EvaluableTarget,
  type Interaction,
  type RouteDecision,
  type RoutingEvaluator,
  type RuleVerdict,
} from "./routing-evaluator";
export { parseRoutingTestCase, type RoutingExpectation, type RoutingTestCase } from "./routing-test-case";
export { formatRoutingTestFailure, runRoutingTests, type RoutingTestFailure } from "./run-routing-tests";
export { RoutingTestDefinitionError, RoutingTestsFailedError } from "./routing-tests-failed-error";
export { CorpusError, parseCorpus, readCorpus, type CorpusInteraction } from "./corpus";
export { computeImpact, formatImpact, type ImpactReport, type ImpactRow, type ImpactSample } from "./impact";
export { crossTypeFallbacks, shadowWitness, unreadCaseAttributes, witnessFor } from "./behaviour-warnings";
export { describeCondition, describeInteraction, describeMismatch, describeRule } from "./describe-route";
