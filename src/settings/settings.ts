import { existsSync } from "node:fs";
import path from "node:path";
// From the module, not the client index: the public declarations (ts-node type-checks them in every program) need no more of the client.
import type { ClientConfigInput } from "../client/config";
import { ProviderConfigurationError } from "../errors/provider-configuration-error";
import { validOwner } from "./ownership";

/** What an update does when the object was changed outside Pulumi: stop ("fail", the default) or re-apply. */
export const CONFLICT_POLICIES = ["fail", "overwrite"] as const;

/** `fail` or `overwrite`: see {@link CONFLICT_POLICIES}. */
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export function isConflictPolicy(value: unknown): value is ConflictPolicy {
  return (CONFLICT_POLICIES as readonly unknown[]).includes(value);
}

/** Every `cxone:*` setting resolved: the API client's configuration plus the provider's own options. */
export interface ProviderSettings {
  readonly client: ClientConfigInput;
  readonly auditLogPath: string | undefined;
  readonly conflictPolicy: ConflictPolicy;
  readonly maxConditions: number | undefined;
  /** Owner tag of every name this stack writes (stacks sharing a tenant; see ownership.ts). */
  readonly owner: string | undefined;
}

/** Every stack config key (namespace `cxone`) with its environment fallback. */
export const SETTING_KEYS = {
  baseUrl: "CXONE_BASE_URL",
  // Not `tokenUrl`: the Pulumi CLI refuses plain `config set` of keys that look like secrets (…token…).
  authUrl: "CXONE_AUTH_URL",
  clientId: "CXONE_CLIENT_ID",
  clientSecret: "CXONE_CLIENT_SECRET",
  authMode: "CXONE_AUTH_MODE",
  accessKeyId: "CXONE_ACCESS_KEY_ID",
  accessKeySecret: "CXONE_ACCESS_KEY_SECRET",
  issuerUrl: "CXONE_ISSUER_URL",
  tenantId: "CXONE_TENANT_ID",
  scopes: "CXONE_SCOPES",
  rulesPath: "CXONE_RULES_PATH",
  webhooksPath: "CXONE_WEBHOOKS_PATH",
  rateLimitPerMinute: "CXONE_RATE_LIMIT_PER_MINUTE",
  rateLimitWaitSeconds: "CXONE_RATE_LIMIT_WAIT_SECONDS",
  auditLog: "CXONE_AUDIT_LOG",
  conflictPolicy: "CXONE_CONFLICT_POLICY",
  maxConditions: "CXONE_MAX_CONDITIONS",
  owner: "CXONE_OWNER",
  // Read by the stack-wide analysis in the program process (rule-set/analysis-settings.ts).
  maxFallbackDepth: "CXONE_MAX_FALLBACK_DEPTH",
  warningsAsErrors: "CXONE_WARNINGS_AS_ERRORS",
  // Read at preview in the program process (rule-set/what-if.ts): sample traffic for the impact report.
  impactCorpus: "CXONE_IMPACT_CORPUS",
} as const;

/** A setting name without the `cxone:` prefix (`baseUrl`, `clientId`, ...): a key of {@link SETTING_KEYS}. */
export type SettingKey = keyof typeof SETTING_KEYS;

/**
 * Former names still read, after the current key and its environment variable, until a later
 * release removes them: `cxone:tokenUrl` / `CXONE_TOKEN_URL`.
 */
export const DEPRECATED_SETTING_KEYS: { readonly [K in SettingKey]?: { readonly key: string; readonly env: string } } = {
  authUrl: { key: "tokenUrl", env: "CXONE_TOKEN_URL" },
};

/** Reads `cxone:<key>` from the stack config, then the environment variable. */
export type SettingSource = (key: SettingKey) => string | undefined;

/** A {@link SettingSource} over a stack config reader and the environment: stack config wins, an empty value counts as unset. */
export function settingSource(config: (qualifiedKey: string) => string | undefined, env: NodeJS.ProcessEnv = process.env): SettingSource {
  const read = (configKey: string, envName: string): string | undefined => {
    const fromConfig = config(`cxone:${configKey}`);
    if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
    const fromEnv = env[envName];
    return fromEnv === "" ? undefined : fromEnv;
  };
  return (key) => {
    const deprecated = DEPRECATED_SETTING_KEYS[key];
    return read(key, SETTING_KEYS[key]) ?? (deprecated ? read(deprecated.key, deprecated.env) : undefined);
  };
}

function required(source: SettingSource, key: SettingKey, why: string): string {
  const value = source(key);
  if (value === undefined) {
    throw new ProviderConfigurationError(
      `cxone:${key} is not set (${why}). Set it with \`pulumi config set ${key === "clientSecret" || key === "accessKeySecret" ? "--secret " : ""}cxone:${key} <value>\` or the ${SETTING_KEYS[key]} environment variable.`,
      key,
    );
  }
  return value;
}

export function positiveInteger(source: SettingSource, key: SettingKey): number | undefined {
  const raw = source(key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ProviderConfigurationError(`cxone:${key} must be a positive integer, got "${raw}".`, key);
  }
  return value;
}

/**
 * The Pulumi project folder: the engine starts the provider in the folder of the program's
 * `main` (bin/ for compiled programs), so relative paths resolve from the nearest Pulumi.yaml up.
 */
export function projectRoot(from: string = process.cwd()): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml")) || existsSync(path.join(dir, "Pulumi.yml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

/** Reads and checks every setting; throws {@link ProviderConfigurationError} naming the key and the fix. */
export function resolveProviderSettings(source: SettingSource, projectDir: string = projectRoot()): ProviderSettings {
  const clientId = required(source, "clientId", "the OAuth client id");
  const clientSecret = required(source, "clientSecret", "the OAuth client secret");
  const authMode = source("authMode") ?? "client-credentials";
  const scope = source("scopes");
  let auth: ClientConfigInput["auth"];
  if (authMode === "client-credentials") {
    auth = { kind: "client-credentials", ...(scope ? { scope } : {}) };
  } else if (authMode === "access-key") {
    const issuerUrl = source("issuerUrl");
    const tenantId = source("tenantId");
    auth = {
      kind: "access-key",
      accessKeyId: required(source, "accessKeyId", "access-key auth logs in with an access key"),
      accessKeySecret: required(source, "accessKeySecret", "access-key auth logs in with an access key"),
      ...(scope ? { scope } : {}),
      ...(issuerUrl ? { issuerUrl } : {}),
      ...(tenantId ? { tenantId } : {}),
    };
  } else {
    throw new ProviderConfigurationError(`cxone:authMode must be "client-credentials" or "access-key", got "${authMode}".`, "authMode");
  }
  const baseUrl = source("baseUrl");
  if (baseUrl === undefined && !(auth.kind === "access-key" && auth.issuerUrl)) {
    required(source, "baseUrl", "the CXone API base URL; only access-key auth with cxone:issuerUrl can discover it");
  }
  const rate = source("rateLimitPerMinute");
  // The client's rateLimitDeadlineMs, in seconds as people think of it; unset keeps its 15 minutes.
  const waitSeconds = positiveInteger(source, "rateLimitWaitSeconds");
  const conflictPolicy = source("conflictPolicy") ?? "fail";
  if (!isConflictPolicy(conflictPolicy)) {
    throw new ProviderConfigurationError(`cxone:conflictPolicy must be "fail" or "overwrite", got "${conflictPolicy}".`, "conflictPolicy");
  }
  const auditLog = source("auditLog") ?? path.join(".cxone", "audit.jsonl");
  const authUrl = source("authUrl");
  const rulesPath = source("rulesPath");
  const webhooksPath = source("webhooksPath");
  return {
    client: {
      clientId,
      clientSecret,
      auth,
      ...(baseUrl ? { baseUrl } : {}),
      ...(authUrl ? { authUrl } : {}),
      ...(rulesPath ? { rulesPath } : {}),
      ...(webhooksPath ? { webhooksPath } : {}),
      rateLimitPerMinute: rate === "off" ? false : (positiveInteger(source, "rateLimitPerMinute") ?? 100),
      ...(waitSeconds === undefined ? {} : { rateLimitDeadlineMs: waitSeconds * 1000 }),
    },
    auditLogPath: auditLog === "off" ? undefined : path.resolve(projectDir, auditLog),
    conflictPolicy,
    maxConditions: positiveInteger(source, "maxConditions"),
    owner: validOwner(source("owner")),
  };
}
