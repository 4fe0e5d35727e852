/** Machine-readable kind of an analysis finding. */
export type FindingCode =
  | "fallback_cycle"
  | "fallback_missing"
  | "duplicate_priority"
  | "shadowed_rule"
  | "fallback_chain_too_deep"
  | "remote_fallback_cycle"
  | "remote_fallback_missing"
  // Raised by the resources layer: per-rule input failures found during the stack-wide check,
  // and a remote check that could not run.
  | "invalid_input"
  | "remote_check_skipped"
  // Raised by the routing evaluator (provider/routing): behaviour warnings.
  | "fallback_crosses_type"
  | "unread_attribute";

/**
 * One problem found by the stack-wide analysis, attached to a rule of the program:
 * `key` is the rule's Pulumi logical name and `field` the input property to fix.
 */
export interface Finding {
  readonly key: string;
  readonly field: string;
  readonly reason: string;
  readonly code: FindingCode;
}

/** Whether a kind of finding fails the preview or is only reported. */
export type FindingSeverity = "error" | "warning";

/**
 * Human-readable multi-line text, one finding a line, naming resource, field and reason:
 * `RoutingRule "vip" fallback: fallback cycle vip -> overflow -> general -> vip`.
 */
export function formatFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `RoutingRule ${JSON.stringify(finding.key)} ${finding.field}: ${finding.reason}`).join("\n");
}
