/**
 * pulumi-cxone-routing: NICE CXone routing rules and webhooks as Pulumi resources.
 */
export * from "./program";
export * from "./routing";
export { routingTests, loadRoutingTests } from "./program/rule-set/routing-tests";
export { summarizeAudit, readAuditLog, formatAuditSummary, type AuditRecord, type AuditSummary } from "./audit";
// Not from the validation index: public declarations must not reach zod's (see public-input-types.ts).
export type { RuleInputs, WebhookInputs } from "./validation/public-input-types";
export type { Finding, FindingCode } from "./validation/findings";
export type { AuditOperation } from "./audit/audit-record";
export type { SettingKey, SettingSource } from "./settings/settings";
// The allowed values behind InteractionType, ConditionOperator, TargetType and WebhookEventName (zod-free module).
export {
  CONDITION_OPERATORS,
  DEFAULT_INTERACTION_TYPES,
  DEFAULT_TARGET_TYPES,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from "./validation/constants";
