/**
 * pulumi-cxone-routing: NICE CXone routing rules and webhooks as Pulumi resources.
 */
export * from "./resources";
export { summarizeAudit, readAuditLog, formatAuditSummary, type AuditRecord, type AuditSummary } from "./audit";
export type { RuleInputs, WebhookInputs, Finding } from "./validation";
