/**
 * The parsed resource inputs as plain types for the package's public entry point. They mirror
 * `z.output` of the schemas (rule-schema.ts and webhook-schema.ts check that both agree) without
 * importing zod: zod's own declarations need `esModuleInterop` or `skipLibCheck`, which
 * Pulumi's TypeScript template does not set, so no public declaration may reach them.
 */
import type { ConditionOperator, WebhookEvent } from "./constants";

/** Routing rule inputs after validation (defaults filled in). */
export interface RuleInputs {
  name: string;
  description?: string | undefined;
  priority: number;
  enabled: boolean;
  interactionType: string;
  conditions: { field: string; operator: ConditionOperator; value: string | number | boolean; conditionGroupId?: string | undefined }[];
  targets: { type: string; id: string; weight: number; capacity: number }[];
  fallbackRuleId?: string | undefined;
  fallback?: string | undefined;
}

/** Webhook inputs after validation (defaults filled in). */
export interface WebhookInputs {
  name: string;
  enabled: boolean;
  targetURL: string;
  eventFilter: WebhookEvent[];
  format: "json";
  secret?: string | undefined;
}

/** True when A and B accept the same values (used to keep these types in step with the schemas). */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
