/**
 * pulumi-cxone-routing: NICE CXone routing rules and webhooks as Pulumi resources.
 */
export * from "./program";
export * from "./routing";
export { routingTests, loadRoutingTests } from "./program/rule-set/routing-tests";
export { summarizeAudit, readAuditLog, formatAuditSummary, type AuditRecord, type AuditSummary } from "./audit";
// Not from the validation index: public declarations must not reach zod's (see public-input-types.ts).
export type { RuleInputs, WebhookInputs } from "./validation/public-input-types";
export type { Finding } from "./validation/findings";
