import { ConfigurationError } from "./errors/configuration-error";
import type { RequestObserver } from "./observer";
import { requireSecureUrl, trimSlash } from "./url-policy";

/** OAuth2 client credentials, the seed tutorial's flow. */
export interface ClientCredentialsAuthInput {
  readonly kind: "client-credentials";
  /** Scopes to request; an array is joined with spaces. Omit to get every scope the client is allowed. */
  readonly scope?: string | readonly string[];
  /** Token request body encoding; the seed sends JSON, RFC 6749 says form. Default "json". */
  readonly bodyFormat?: "json" | "form";
}

/** The real platform's back-end flow: grant_type=password with an access key, client id/secret in Basic auth. */
export interface AccessKeyAuthInput {
  readonly kind: "access-key";
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly scope?: string | readonly string[];
  /** Issuer, e.g. https://cxone.niceincontact.com; needed for API endpoint discovery. */
  readonly issuerUrl?: string;
  /** Tenant for discovery; when omitted it is read from the id_token's tenantId claim. */
  readonly tenantId?: string;
  /** Default "/.well-known/cxone-configuration". */
  readonly discoveryPath?: string;
}

export interface RetryInput {
  /** Sends per logical request, first one included. Default 6. */
  readonly maxAttempts?: number;
  /** Backoff base; the n-th retry waits random(0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 250. */
  readonly baseDelayMs?: number;
  /** Default 20000. */
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this fails at once with RateLimitedError instead of stalling. Default 120000. */
  readonly maxRetryAfterMs?: number;
}

export interface TimeoutsInput {
  /** Default 10000. */
  readonly connectMs?: number;
  /** Time to receive the response headers. Default 30000. */
  readonly headersMs?: number;
  /** Max gap between body chunks. Default 30000. */
  readonly bodyMs?: number;
  /** Idle keep-alive socket lifetime. Default 30000. */
  readonly keepAliveMs?: number;
}

export interface ClientConfigInput {
  /** API base, e.g. https://api-na1.niceincontact.com. Omit only with access-key auth + issuerUrl (discovery). */
  readonly baseUrl?: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default: client credentials without scope. */
  readonly auth?: ClientCredentialsAuthInput | AccessKeyAuthInput;
  /** Default `${issuerUrl ?? baseUrl}/oauth/token` (the real platform uses https://cxone.niceincontact.com/auth/token). */
  readonly authUrl?: string;
  /** Default /api/v2/routing/interactionroutingrules. */
  readonly rulesPath?: string;
  /** Default /api/v2/webhooks. */
  readonly webhooksPath?: string;
  /** Client-side limit shared by every client with the same API origin and client id. Default 100; false = no limit. */
  readonly rateLimitPerMinute?: number | false;
  /**
   * Latency difference between requests the limiter absorbs (see rate-limit/token-bucket.ts,
   * safetyMarginMs); at 100/min the default costs under two requests once per burst. Default 1000.
   */
  readonly rateLimitSafetyMarginMs?: number;
  /**
   * How long one request keeps waiting out 429s that carry Retry-After, counted from its first 429;
   * such 429s do not count against retry.maxAttempts. Default 900000 (15 minutes: 500 rules at
   * 100/min take 5, shared with two more programs about 15).
   */
  readonly rateLimitDeadlineMs?: number;
  /**
   * Lower the client-side rate on 429 and let it recover slowly (AIMD), so programs sharing a
   * client id settle on shares of the server's limit instead of colliding. Default true.
   */
  readonly rateLimitAdaptive?: boolean;
  /** Refresh the token this long before it expires, capped to half the token's lifetime. Default 300. */
  readonly tokenRefreshMarginSeconds?: number;
  /** How long rules/webhooks snapshot() reuse a paged listing; writes through the client discard it at once. Default 60000. */
  readonly snapshotTtlMs?: number;
  readonly retry?: RetryInput;
  readonly timeouts?: TimeoutsInput;
  /** Sockets per origin. Default 16. */
  readonly connectionsPerOrigin?: number;
  readonly userAgent?: string;
  /** Registered when the client is created; later getClient() calls for the same client use addObserver(). */
  readonly observer?: RequestObserver;
}

export type ResolvedAuth =
  | { readonly kind: "client-credentials"; readonly scope: string | undefined; readonly bodyFormat: "json" | "form" }
  | {
      readonly kind: "access-key";
      readonly accessKeyId: string;
      readonly accessKeySecret: string;
      readonly scope: string | undefined;
      readonly issuerUrl: string | undefined;
      readonly tenantId: string | undefined;
      readonly discoveryPath: string;
    };

export interface ResolvedClientConfig {
  /** Undefined when the API endpoint is discovered at the first request. */
  readonly baseUrl: string | undefined;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly auth: ResolvedAuth;
  readonly authUrl: string;
  readonly rulesPath: string;
  readonly webhooksPath: string;
  /** undefined = no client-side limit. */
  readonly rateLimitPerMinute: number | undefined;
  readonly rateLimitSafetyMarginMs: number;
  readonly rateLimitDeadlineMs: number;
  readonly rateLimitAdaptive: boolean;
  readonly tokenRefreshMarginSeconds: number;
  readonly snapshotTtlMs: number;
  readonly retry: Required<RetryInput>;
  readonly timeouts: Required<TimeoutsInput>;
  readonly connectionsPerOrigin: number;
  readonly userAgent: string;
  readonly observer: RequestObserver | undefined;
}

export const DEFAULT_RULES_PATH = "/api/v2/routing/interactionroutingrules";
export const DEFAULT_WEBHOOKS_PATH = "/api/v2/webhooks";
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 100;
export const DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS = 300;
export const DEFAULT_RATE_LIMIT_DEADLINE_MS = 15 * 60_000;
export const DEFAULT_DISCOVERY_PATH = "/.well-known/cxone-configuration";
export const DEFAULT_RETRY: Required<RetryInput> = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 };
export const DEFAULT_TIMEOUTS: Required<TimeoutsInput> = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, keepAliveMs: 30_000 };

/** Fills defaults and rejects configurations that cannot work, before any request is made. */
export function resolveClientConfig(input: ClientConfigInput): ResolvedClientConfig {
  const clientId = requireText("clientId", input.clientId);
  const clientSecret = requireText("clientSecret", input.clientSecret);
  const auth = resolveAuth(input.auth);

  const baseUrl = input.baseUrl === undefined ? undefined : trimSlash(requireSecureUrl("baseUrl", input.baseUrl).toString());
  const issuerUrl = auth.kind === "access-key" ? auth.issuerUrl : undefined;
  if (baseUrl === undefined && issuerUrl === undefined) {
    throw new ConfigurationError(
      `baseUrl is not set. Fix: set baseUrl to your CXone API host (e.g. "https://api-na1.niceincontact.com"), ` +
        `or use access-key auth with issuerUrl so the API host is discovered.`,
      { problem: "MissingSetting", setting: "baseUrl" },
    );
  }
  const authUrlInput = input.authUrl ?? `${issuerUrl ?? baseUrl}/oauth/token`;
  const authUrl = requireSecureUrl("authUrl", authUrlInput).toString();

  const retry = {
    maxAttempts: positiveInteger("retry.maxAttempts", input.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts),
    baseDelayMs: nonNegative("retry.baseDelayMs", input.retry?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: nonNegative("retry.maxDelayMs", input.retry?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
    maxRetryAfterMs: nonNegative("retry.maxRetryAfterMs", input.retry?.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs),
  };
  const timeouts = {
    connectMs: positive("timeouts.connectMs", input.timeouts?.connectMs ?? DEFAULT_TIMEOUTS.connectMs),
    headersMs: positive("timeouts.headersMs", input.timeouts?.headersMs ?? DEFAULT_TIMEOUTS.headersMs),
    bodyMs: positive("timeouts.bodyMs", input.timeouts?.bodyMs ?? DEFAULT_TIMEOUTS.bodyMs),
    keepAliveMs: positive("timeouts.keepAliveMs", input.timeouts?.keepAliveMs ?? DEFAULT_TIMEOUTS.keepAliveMs),
  };
  const rate = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;

  return {
    baseUrl,
    clientId,
    clientSecret,
    auth,
    authUrl,
    rulesPath: apiPath("rulesPath", input.rulesPath ?? DEFAULT_RULES_PATH),
    webhooksPath: apiPath("webhooksPath", input.webhooksPath ?? DEFAULT_WEBHOOKS_PATH),
    rateLimitPerMinute: rate === false ? undefined : positive("rateLimitPerMinute", rate),
    rateLimitSafetyMarginMs: nonNegative("rateLimitSafetyMarginMs", input.rateLimitSafetyMarginMs ?? 1000),
    rateLimitDeadlineMs: nonNegative("rateLimitDeadlineMs", input.rateLimitDeadlineMs ?? DEFAULT_RATE_LIMIT_DEADLINE_MS),
    rateLimitAdaptive: booleanSetting("rateLimitAdaptive", input.rateLimitAdaptive ?? true),
    tokenRefreshMarginSeconds: nonNegative(
      "tokenRefreshMarginSeconds",
      input.tokenRefreshMarginSeconds ?? DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS,
    ),
    snapshotTtlMs: nonNegative("snapshotTtlMs", input.snapshotTtlMs ?? 60_000),
    retry,
    timeouts,
    connectionsPerOrigin: positiveInteger("connectionsPerOrigin", input.connectionsPerOrigin ?? 16),
    userAgent: input.userAgent ?? "pulumi-cxone-routing",
    observer: input.observer,
  };
}

/** The seed built its scope with fmt.Sprintf("%s", slice) and sent "[a b]"; OAuth wants "a b". */
export function normalizeScope(scope: string | readonly string[] | undefined): string | undefined {
  if (scope === undefined) return undefined;
  const parts = (typeof scope === "string" ? scope.split(/[\s,]+/) : [...scope]).map((s) => s.trim()).filter(Boolean);
  return parts.length > 0 ? [...new Set(parts)].join(" ") : undefined;
}

function resolveAuth(input: ClientConfigInput["auth"]): ResolvedAuth {
  if (input === undefined) return { kind: "client-credentials", scope: undefined, bodyFormat: "json" };
  if (input.kind === "client-credentials") {
    const bodyFormat = input.bodyFormat ?? "json";
    if (bodyFormat !== "json" && bodyFormat !== "form") {
      throw new ConfigurationError(`auth.bodyFormat "${String(bodyFormat)}" is not supported. Fix: use "json" or "form".`, {
        problem: "InvalidSetting",
        setting: "auth.bodyFormat",
      });
    }
    return { kind: "client-credentials", scope: normalizeScope(input.scope), bodyFormat };
  }
  if (input.kind === "access-key") {
    return {
      kind: "access-key",
      accessKeyId: requireText("auth.accessKeyId", input.accessKeyId),
      accessKeySecret: requireText("auth.accessKeySecret", input.accessKeySecret),
      scope: normalizeScope(input.scope),
      issuerUrl: input.issuerUrl === undefined ? undefined : trimSlash(requireSecureUrl("auth.issuerUrl", input.issuerUrl).toString()),
      tenantId: input.tenantId,
      discoveryPath: apiPath("auth.discoveryPath", input.discoveryPath ?? DEFAULT_DISCOVERY_PATH),
    };
  }
  const kind = (input as { kind?: unknown }).kind;
  throw new ConfigurationError(`auth.kind "${String(kind)}" is not supported. Fix: use "client-credentials" or "access-key".`, {
    problem: "InvalidSetting",
    setting: "auth.kind",
  });
}

function requireText(setting: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(
      `${setting} is missing or empty. Fix: set ${setting} (for secrets, from Pulumi config --secret or an environment variable).`,
      {
        problem: "MissingSetting",
        setting,
      },
    );
  }
  return value;
}

function apiPath(setting: string, value: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[?#\s]/.test(value)) {
    throw new ConfigurationError(
      `${setting} "${String(value)}" must be a path starting with "/" without query. Fix: e.g. "${DEFAULT_RULES_PATH}".`,
      {
        problem: "InvalidSetting",
        setting,
      },
    );
  }
  return value.length > 1 ? trimSlash(value) : value;
}

function booleanSetting(setting: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new ConfigurationError(`${setting} must be true or false, got ${String(value)}.`, { problem: "InvalidSetting", setting });
  }
  return value;
}

function positive(setting: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(`${setting} must be a positive number, got ${String(value)}. Fix: set a value greater than 0.`, {
      problem: "InvalidSetting",
      setting,
    });
  }
  return value;
}

function positiveInteger(setting: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(`${setting} must be a whole number of at least 1, got ${String(value)}. Fix: e.g. 6.`, {
      problem: "InvalidSetting",
      setting,
    });
  }
  return value;
}

function nonNegative(setting: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${setting} must be 0 or more, got ${String(value)}. Fix: set a non-negative number.`, {
      problem: "InvalidSetting",
      setting,
    });
  }
  return value;
}
