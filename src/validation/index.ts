/**
 * Preview-time validation of CXone routing resources: per-resource input schemas (zod) and the
 * stack-wide routing analysis (fallback cycles, dangling fallbacks, shadowed rules...).
 * Pure functions only: nothing here talks to Pulumi, and only `findRemoteCycles` does I/O,
 * through the fetch function it is given.
 */
export type { CheckFailure, ValidationResult } from "./check-failure";
export { formatCheckFailures, formatPropertyPath } from "./check-failure";
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
export { InvalidOptionsError } from "./invalid-options-error";
export { UNKNOWN_PLACEHOLDER, isUnknownPlaceholder } from "./unknown-placeholder";
export { findBacktrackingRisk } from "./regex-safety";
export type { BacktrackingRisk } from "./regex-safety";

export { conditionSchema, createRuleInputsSchema, resolveRuleSchemaOptions, ruleInputsSchema } from "./rule-schema";
export type {
  ResolvedRuleSchemaOptions,
  RuleCondition,
  RuleInputs,
  RuleInputsInput,
  RuleSchemaOptions,
  RuleTarget,
} from "./rule-schema";
export { normalizeRuleInputs, orderConditions, orderTargets, validateRuleInputs } from "./validate-rule-inputs";
export type { RuleValidationOptions } from "./validate-rule-inputs";

export { createWebhookInputsSchema, webhookInputsSchema } from "./webhook-schema";
export type { WebhookInputs, WebhookInputsInput, WebhookSchemaOptions } from "./webhook-schema";
export { normalizeWebhookInputs, validateWebhookInputs } from "./validate-webhook-inputs";
export type { WebhookValidationOptions } from "./validate-webhook-inputs";

export type { AnalyzableCondition, AnalyzableRule } from "./analyzable-rule";
export type { Finding, FindingCode, FindingSeverity } from "./findings";
export { formatFindings } from "./findings";
export { analyzeRuleSet } from "./analyze-rule-set";
export type { RuleSetAnalysis, RuleSetAnalysisOptions } from "./analyze-rule-set";
export { findRemoteCycles } from "./find-remote-cycles";
export type { FetchRemoteRule, RemoteCycleOptions, RemoteRule } from "./find-remote-cycles";
export { closestName } from "./edit-distance";
