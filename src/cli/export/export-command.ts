import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeAllClients, CxoneApiError, getClient, type RoutingRule, type Webhook } from "../../client";
import { ProviderConfigurationError } from "../../errors/provider-configuration-error";
import { resolveProviderSettings, type SettingKey, settingSource } from "../../settings/settings";
import { ExportReadError, UsageError } from "../errors";
import { type ExportedProject, generateProject } from "./generate-project";
import { kebabKey } from "./logical-names";
import { type LeftOut, ownedObjects } from "./owned-objects";
import type { ExportFilters } from "./select-objects";
import { checkpointPath, clearCheckpoint, readTenantPages } from "./tenant-pages";
import { exportedPackageSource, type PackageSource } from "./package-source";

/** Settings copied into the exported stack's config when they are set (never secrets, never paths of this machine). */
const COPIED_SETTINGS: readonly SettingKey[] = [
  "baseUrl",
  "authUrl",
  "clientId",
  "authMode",
  "accessKeyId",
  "issuerUrl",
  "tenantId",
  "scopes",
  "rulesPath",
  "webhooksPath",
  "rateLimitPerMinute",
  "conflictPolicy",
  "maxConditions",
  "maxFallbackDepth",
  "warningsAsErrors",
  // Names in the export are untagged; the owner puts the tag back on the wire (see owned-objects.ts).
  "owner",
];

export interface ExportOptions {
  readonly outDir: string;
  /** Pulumi project name of the export; default: the out folder's name. */
  readonly project?: string;
  /** Stack whose config file is written. */
  readonly stack: string;
  readonly filters: ExportFilters;
  /** `cxone:<key>` config of the source stack (plain strings); empty: the environment only. */
  readonly config: Readonly<Record<string, string>>;
  /** Where the settings came from, for messages. */
  readonly settingsFrom: string;
  /** Ignore the checkpoint of an interrupted run. */
  readonly restart?: boolean;
  /** Write into a folder that already holds files. */
  readonly force?: boolean;
  /** pulumi-cxone-routing's dependency spec in the exported package.json (default: where the exporter came from). */
  readonly packageSpec?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly print: (text: string) => void;
}

export interface ExportRun {
  readonly project: ExportedProject;
  /** Objects of the tenant another stack owns (their names carry its tag): not exported. */
  readonly leftOut: readonly LeftOut[];
  readonly pagesRead: number;
  readonly pagesResumed: number;
  /** Where the exported project installs pulumi-cxone-routing from. */
  readonly packageSource: PackageSource;
  readonly elapsedMs: number;
}

function refuseNonEmpty(outDir: string, force: boolean | undefined): void {
  if (force || !existsSync(outDir)) return;
  const present = readdirSync(outDir).filter((f) => f !== ".cxone-export");
  if (present.length > 0) {
    throw new UsageError(
      `${outDir} already holds files (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", ..." : ""}). ` +
        "Export into a new folder, or pass --force to overwrite the files the export writes.",
    );
  }
}

/**
 * `cxone-routing export`: reads every rule and webhook of the tenant (paged, rate-limited,
 * resumable), writes the project and prints what to do next.
 */
export async function exportTenant(options: ExportOptions): Promise<ExportRun> {
  const started = performance.now();
  const outDir = path.resolve(options.outDir);
  refuseNonEmpty(outDir, options.force);
  const project = options.project ?? kebabKey(path.basename(outDir), "cxone");
  const source = settingSource((key) => options.config[key], options.env ?? process.env);
  let settings;
  try {
    settings = resolveProviderSettings(source, outDir);
  } catch (error) {
    if (error instanceof ProviderConfigurationError) throw new ExportReadError(options.settingsFrom, error.message, error);
    throw error;
  }
  const copied: Record<string, string> = {};
  for (const key of COPIED_SETTINGS) {
    const value = source(key);
    if (value !== undefined) copied[`cxone:${key}`] = value;
  }
  const secretSettings = ["cxone:clientSecret", ...(source("authMode") === "access-key" ? ["cxone:accessKeySecret"] : [])];
  const client = getClient(settings.client);
  const tenant = [
    source("baseUrl") ?? source("issuerUrl"),
    source("clientId"),
    client.rules.collectionPath,
    client.webhooks.collectionPath,
  ].join(" ");
  mkdirSync(outDir, { recursive: true });
  let read;
  try {
    read = await readTenantPages<RoutingRule, Webhook>({
      rules: client.rules,
      webhooks: client.webhooks,
      tenant,
      checkpointFile: checkpointPath(outDir),
      restart: options.restart,
      onPage: (kind, items, total) => options.print(`  read ${items}${total !== undefined ? ` of ${total}` : ""} ${kind}`),
    });
  } catch (error) {
    if (error instanceof CxoneApiError) {
      throw new ExportReadError(
        options.settingsFrom,
        `${error.message} The pages read so far are kept in ${checkpointPath(outDir)}; run the same command again to resume.`,
        error,
      );
    }
    throw error;
  } finally {
    await closeAllClients();
  }
  const packageSource = exportedPackageSource(outDir, options.packageSpec);
  const owned = ownedObjects(read.rules, read.webhooks, settings.owner);
  const exported = generateProject({
    project,
    stack: options.stack,
    rules: owned.rules,
    webhooks: owned.webhooks,
    excludedRules: owned.leftOut.filter((o) => o.kind === "RoutingRule"),
    filters: options.filters,
    settings: copied,
    secretSettings,
    source: source("baseUrl") ?? source("issuerUrl"),
    packageSource,
  });
  for (const [file, content] of exported.files) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  clearCheckpoint(outDir);
  return {
    project: exported,
    leftOut: owned.leftOut,
    pagesRead: read.pagesRead,
    pagesResumed: read.pagesResumed,
    packageSource,
    elapsedMs: performance.now() - started,
  };
}

/** What the command prints after writing the project. */
export function formatExportRun(run: ExportRun, options: { outDir: string; stack: string }): string {
  const p = run.project;
  const lines = [
    `exported ${p.ruleCount} rule(s) and ${p.webhookCount} webhook(s) to ${options.outDir} ` +
      `(${run.pagesRead} list request(s)${run.pagesResumed > 0 ? `, ${run.pagesResumed} page(s) from the checkpoint of an interrupted run` : ""}, ` +
      `${(run.elapsedMs / 1000).toFixed(1)} s)`,
    `  rules/: ${
      Object.entries(p.rulesByType)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ") || "none"
    }`,
  ];
  lines.push(`  package.json installs pulumi-cxone-routing "${run.packageSource.spec}": ${run.packageSource.origin}`);
  if (run.leftOut.length > 0) {
    const owners = [...new Set(run.leftOut.map((o) => o.owner))].sort().join(", ");
    lines.push(`  left out: ${run.leftOut.length} object(s) that other stacks own (tagged ${owners}); their own stacks manage them`);
  }
  if (p.pulledIn.length > 0) {
    lines.push(`  pulled in as fallbacks of kept rules: ${p.pulledIn.map((r) => r.key).join(", ")}`);
  }
  if (p.outside.length > 0) {
    lines.push(
      `  fallbacks kept as fallbackRuleId (outside the project): ${p.outside.map((o) => `${o.key} -> ${o.fallbackRuleId}`).join(", ")}`,
    );
  }
  if (p.errors.length + p.warnings.length > 0) {
    lines.push(`findings of the stack-wide analysis (the tenant has them today; also in README.md):`);
    for (const f of p.errors) lines.push(`  error   ${f.key} ${f.field}: ${f.reason}`);
    for (const f of p.warnings) lines.push(`  warning ${f.key} ${f.field}: ${f.reason}`);
  } else {
    lines.push("the stack-wide analysis found nothing");
  }
  lines.push(
    "secrets cannot be exported; set them before `pulumi up` (also in README.md):",
    ...p.secrets.map((s) => `  pulumi config set --secret ${s.key} <value> --stack ${options.stack}    # ${s.what}`),
    "next:",
    `  cd ${options.outDir} && npm install && pulumi stack init ${options.stack}`,
    `  pulumi up --stack ${options.stack}    # adopts every object; an object equal to its definition is not written`,
  );
  return lines.join("\n");
}
