import { SCOPES, type Scope, isOneOf } from "./vocabulary";
import { type FaultConfig, normalizeFaults } from "./faults";
import { SimulatorOptionsError } from "./options-error";

/** Where the simulator writes its request log and warnings (stderr by default). */
export interface SimulatorLogger {
  /** A request log line. */
  info(message: string): void;
  /** A problem the simulator noticed (a failed webhook delivery, a data file it could not write). */
  warn(message: string): void;
}

/** How webhook deliveries are retried. */
export interface DeliveryOptions {
  /** Total attempts per event and webhook, first one included. Default 5. */
  attempts?: number;
  /** Delay before retry n is baseDelayMs * 2^(n-1). Default 200. */
  baseDelayMs?: number;
  /** Per-attempt timeout. Default 5000. */
  timeoutMs?: number;
}

/** Options of {@link startSimulator}; the CLI flags of `cxone-sim` map onto them (docs/simulator.md). */
export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Scopes the client may obtain. Default: all four. */
  clientScopes?: Scope[];
  tokenTtlSeconds?: number;
  /** Token bucket size and refill per minute, per client id. 0 disables rate limiting. Default 100. */
  rateLimitPerMinute?: number;
  /**
   * Size of each client id's bucket (the burst it may spend at once). Default rateLimitPerMinute,
   * as on the platform; tests set it lower to reach the steady rate after a few requests.
   */
  rateLimitCapacity?: number;
  /** Send Retry-After on 429/503. Default true. */
  retryAfterHeader?: boolean;
  /** List items carry their `etag`. Default true; false models a tenant whose list has no ETags. */
  listETags?: boolean;
  /** Seed of the fault PRNG (mulberry32). Default 1. */
  faultSeed?: number;
  faults?: FaultConfig;
  delivery?: DeliveryOptions;
  logger?: SimulatorLogger;
  /** Persist rules, webhooks and idempotency records to this JSON file. */
  dataFile?: string;
  rulesPath?: string;
  webhooksPath?: string;
  tokenPath?: string;
  /** Most conditions one rule may carry (the seed's complexity limit). Default 10. */
  maxConditions?: number;
  tenantId?: string;
  /** Clock in epoch milliseconds; tests inject one to expire tokens or refill buckets. */
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: "127.0.0.1";
  clientId: string;
  clientSecret: string;
  accessKeyId: string;
  accessKeySecret: string;
  clientScopes: Scope[];
  tokenTtlSeconds: number;
  rateLimitPerMinute: number;
  rateLimitCapacity: number;
  retryAfterHeader: boolean;
  listETags: boolean;
  faultSeed: number;
  faults: FaultConfig;
  delivery: Required<DeliveryOptions>;
  logger: SimulatorLogger | undefined;
  dataFile: string | undefined;
  rulesPath: string;
  webhooksPath: string;
  tokenPath: string;
  maxConditions: number;
  tenantId: string;
  now: () => number;
}

/** The credentials a simulator accepts unless told otherwise (`sim-client` / `sim-secret`, ...). */
export const DEFAULT_CREDENTIALS = {
  clientId: "sim-client",
  clientSecret: "sim-secret",
  accessKeyId: "sim-access-key",
  accessKeySecret: "sim-access-secret",
} as const;

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const scopes = options.clientScopes ?? [...SCOPES];
  for (const scope of scopes) {
    if (!isOneOf(SCOPES, scope)) throw new SimulatorOptionsError(`unknown scope ${JSON.stringify(scope)}`);
  }
  return {
    port: integerAtLeast("port", options.port ?? 0, 0),
    host: "127.0.0.1",
    clientId: options.clientId ?? DEFAULT_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? DEFAULT_CREDENTIALS.clientSecret,
    accessKeyId: options.accessKeyId ?? DEFAULT_CREDENTIALS.accessKeyId,
    accessKeySecret: options.accessKeySecret ?? DEFAULT_CREDENTIALS.accessKeySecret,
    clientScopes: scopes,
    tokenTtlSeconds: positive("tokenTtlSeconds", options.tokenTtlSeconds ?? 3600),
    rateLimitPerMinute: integerAtLeast("rateLimitPerMinute", options.rateLimitPerMinute ?? 100, 0),
    rateLimitCapacity: integerAtLeast("rateLimitCapacity", options.rateLimitCapacity ?? Math.max(1, options.rateLimitPerMinute ?? 100), 1),
    retryAfterHeader: options.retryAfterHeader ?? true,
    listETags: options.listETags ?? true,
    faultSeed: integerAtLeast("faultSeed", options.faultSeed ?? 1, Number.MIN_SAFE_INTEGER),
    faults: normalizeFaults(options.faults ?? {}, (message) => new SimulatorOptionsError(message)),
    delivery: {
      attempts: integerAtLeast("delivery.attempts", options.delivery?.attempts ?? 5, 1),
      baseDelayMs: integerAtLeast("delivery.baseDelayMs", options.delivery?.baseDelayMs ?? 200, 0),
      timeoutMs: integerAtLeast("delivery.timeoutMs", options.delivery?.timeoutMs ?? 5000, 1),
    },
    logger: options.logger,
    dataFile: options.dataFile,
    rulesPath: apiPath("rulesPath", options.rulesPath ?? "/api/v2/routing/interactionroutingrules"),
    webhooksPath: apiPath("webhooksPath", options.webhooksPath ?? "/api/v2/webhooks"),
    tokenPath: apiPath("tokenPath", options.tokenPath ?? "/oauth/token"),
    maxConditions: integerAtLeast("maxConditions", options.maxConditions ?? 10, 0),
    tenantId: options.tenantId ?? "sim-tenant",
    now: options.now ?? Date.now,
  };
}

function integerAtLeast(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new SimulatorOptionsError(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new SimulatorOptionsError(`${name} must be a positive number`);
  return value;
}

function apiPath(name: string, value: string): string {
  if (!value.startsWith("/") || value.length < 2 || value.includes("?") || value.startsWith("/_admin")) {
    throw new SimulatorOptionsError(`${name} must be an absolute path like /api/v2/x, got ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, "");
}
