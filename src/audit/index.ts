export { createAuditLog, type AuditEntry, type AuditLog } from "./audit-log";
export { auditId, stackFromUrn, AUDIT_NAMESPACE, type AuditOperation, type AuditRecord } from "./audit-record";
export { summarizeAudit, readAuditLog, formatAuditSummary, type AuditSummary } from "./audit-summary";
