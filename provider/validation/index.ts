/**
 * Preview-time validation of CXone routing resources: per-resource input schemas (zod) and the
 * stack-wide routing analysis (fallback cycles, dangling fallbacks, shadowed rules...).
 * Pure functions only: nothing here talks to Pulumi, and only `findRemoteCycles` does I/O,
 * through the fetch function it is given.
 */
export type { CheckFailure, ValidationResult } from "./checkFailure";
export { formatCheckFailures, formatPropertyPath } from "./checkFailure";
export {
  CONDITION_OPERATORS,
  DEFAULT_INTERACTION_TYPES,
  DEFAULT_MAX_CHAIN_DEPTH,
  DEFAULT_MAX_CONDITIONS,
  DEFAULT_TARGET_TYPES,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
} from "./constants";
export type { ConditionOperator, InteractionType, TargetType, WebhookEvent, WebhookEventFilter } from "./constants";
export { InvalidOptionsError } from "./invalidOptionsError";
export { UNKNOWN_PLACEHOLDER, isUnknownPlaceholder } from "./unknownPlaceholder";
export { findBacktrackingRisk } from "./regexSafety";
export type { BacktrackingRisk } from "./regexSafety";

export { conditionSchema, createRuleInputsSchema, resolveRuleSchemaOptions, ruleInputsSchema } from "./ruleSchema";
export type {
  ResolvedRuleSchemaOptions,
  RuleCondition,
  RuleInputs,
  RuleInputsInput,
  RuleSchemaOptions,
  RuleTarget,
} from "./ruleSchema";
export { normalizeRuleInputs, validateRuleInputs } from "./validateRuleInputs";
export type { RuleValidationOptions } from "./validateRuleInputs";

export { createWebhookInputsSchema, webhookInputsSchema } from "./webhookSchema";
export type { WebhookInputs, WebhookInputsInput, WebhookSchemaOptions } from "./webhookSchema";
export { normalizeWebhookInputs, validateWebhookInputs } from "./validateWebhookInputs";
export type { WebhookValidationOptions } from "./validateWebhookInputs";

export type { AnalyzableCondition, AnalyzableRule } from "./analyzableRule";
export type { Finding, FindingCode, FindingSeverity } from "./findings";
export { formatFindings } from "./findings";
export { analyzeRuleSet } from "./analyzeRuleSet";
export type { RuleSetAnalysis, RuleSetAnalysisOptions } from "./analyzeRuleSet";
export { findRemoteCycles } from "./findRemoteCycles";
export type { FetchRemoteRule, RemoteCycleOptions, RemoteRule } from "./findRemoteCycles";
export { closestName } from "./editDistance";
