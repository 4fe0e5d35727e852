import type { RoutingRule as ServerRule, Webhook as ServerWebhook } from "../../client";
import type { Finding } from "../../validation";
import type { ExportFilters } from "./select-objects";

export interface ExportInput {
  /** Pulumi project name (also the config namespace of the data). */
  readonly project: string;
  /** The stack whose Pulumi.<stack>.yaml is written. */
  readonly stack: string;
  readonly rules: readonly ServerRule[];
  readonly webhooks: readonly ServerWebhook[];
  readonly filters?: ExportFilters;
  /** Rules of the tenant left out before the export (another stack's), for naming fallbacks to them. */
  readonly excludedRules?: readonly { readonly id: string; readonly name: string }[];
  /** `cxone:*` settings to copy into the stack config (no secrets). */
  readonly settings?: Readonly<Record<string, string>>;
  /** `cxone:*` keys the stack needs as secrets (set by the user). */
  readonly secretSettings?: readonly string[];
  /** Where the data came from, for the README. */
  readonly source?: string;
  /**
   * pulumi-cxone-routing's dependency spec in the project's package.json (default `*`); `local`
   * adds an .npmrc with install-links, so npm installs a packed copy of a folder, not a symlink.
   */
  readonly packageSource?: { readonly spec: string; readonly local: boolean };
}

export interface SecretToSet {
  /** Full config key, e.g. `cxone:clientSecret`. */
  readonly key: string;
  readonly what: string;
}

export interface ExportedProject {
  /** Relative path -> content. */
  readonly files: ReadonlyMap<string, string>;
  readonly ruleCount: number;
  readonly webhookCount: number;
  /** Rule keys by interaction type file. */
  readonly rulesByType: Readonly<Record<string, number>>;
  readonly pulledIn: readonly { key: string; name: string; by: string }[];
  readonly outside: readonly { key: string; fallbackRuleId: string; fallbackName: string | undefined }[];
  /** What the stack-wide analysis (and the per-rule checks) find in the exported rules. */
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly secrets: readonly SecretToSet[];
}
