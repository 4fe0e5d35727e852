import { createAccessKeyStrategy } from "./auth/access-key";
import { createClientCredentialsStrategy } from "./auth/client-credentials";
import { discoverApiEndpoint, missingTenantError, tenantIdFromIdToken } from "./auth/discovery";
import type { AuthStrategy } from "./auth/strategy";
import { createTokenCache } from "./auth/token-cache";
import type { AuthEndpointContext } from "./auth/token-endpoint";
import type { ResolvedClientConfig } from "./config";
import { createObserverHub, type RequestObserver } from "./observer";
import { createBucket, getSharedBucket, sharedBucketKey } from "./rate-limit/shared-buckets";
import type { TokenBucket } from "./rate-limit/token-bucket";
import { createRedactor } from "./redact";
import { createRequestPipeline, type RequestFunction } from "./request";
import { createResourcesApi, type ResourcesApi } from "./resources-api";
import { createTransport } from "./transport";
import { routingRuleSchema, webhookSchema } from "./wire-schemas";
import type { RoutingRule, RoutingRuleInput, Webhook, WebhookInput } from "./wire-types";

export interface CxoneClient {
  readonly rules: ResourcesApi<RoutingRuleInput, RoutingRule>;
  readonly webhooks: ResourcesApi<WebhookInput, Webhook>;
  /** The API base URL; undefined until discovery ran when it is discovered. */
  readonly baseUrl: string | undefined;
  readonly clientId: string;
  /** Resolves the API base URL, running discovery once if configured. */
  resolveBaseUrl(): Promise<string>;
  /** The raw pipeline (rate limit, auth, retries, typed errors) for paths the resource APIs do not cover. */
  readonly request: RequestFunction;
  /** Adds a request observer; returns a function that removes it. Adding the same function twice is a no-op. */
  addObserver(observer: RequestObserver): () => void;
  /** Closes the sockets; the registry forgets this client. */
  close(): Promise<void>;
}

export interface ClientInternals {
  /** Injected randomness for backoff jitter (tests). */
  readonly random?: () => number;
  readonly onClose?: () => void;
  /**
   * A rate limiter of this client's own instead of the process-wide one per (origin, client id):
   * the client then behaves like a separate process sharing the client id (tests, benchmarks).
   */
  readonly privateRateLimiter?: boolean;
}

/**
 * Builds a client from a resolved configuration. Use registry.getClient() instead, so that every
 * resource of a run shares the token cache and sockets. Secrets stay inside closures: nothing on
 * the returned object (or its inspection) exposes them.
 */
export function createClient(config: ResolvedClientConfig, internals: ClientInternals = {}): CxoneClient {
  const observers = createObserverHub();
  if (config.observer) observers.add(config.observer);
  const redactor = createRedactor([config.clientSecret, config.auth.kind === "access-key" ? config.auth.accessKeySecret : undefined]);
  const transport = createTransport({ ...config.timeouts, connectionsPerOrigin: config.connectionsPerOrigin });
  const authContext: AuthEndpointContext = {
    transport,
    clientId: config.clientId,
    redactor,
    observers,
    retry: { ...config.retry, rateLimitDeadlineMs: config.rateLimitDeadlineMs },
    userAgent: config.userAgent,
    random: internals.random,
  };
  const strategy = createStrategy(config, authContext);
  const tokens = createTokenCache(strategy, { refreshMarginSeconds: config.tokenRefreshMarginSeconds });

  let baseUrl = config.baseUrl;
  let discovering: Promise<string> | undefined;
  const resolveBaseUrl = (): Promise<string> => {
    if (baseUrl !== undefined) return Promise.resolve(baseUrl);
    if (discovering) return discovering;
    const auth = config.auth;
    if (auth.kind !== "access-key" || auth.issuerUrl === undefined) {
      // resolveClientConfig makes this unreachable; kept so a future config change fails loudly.
      return Promise.reject(missingTenantError());
    }
    discovering = (async () => {
      const tenantId = auth.tenantId ?? tenantIdFromIdToken((await tokens.get()).idToken);
      if (!tenantId) throw missingTenantError();
      const discovered = await discoverApiEndpoint(authContext, {
        issuerUrl: auth.issuerUrl!,
        discoveryPath: auth.discoveryPath,
        tenantId,
      });
      baseUrl = discovered;
      return discovered;
    })().finally(() => {
      discovering = undefined;
    });
    return discovering;
  };

  const privateBuckets = new Map<string, TokenBucket>();
  const request = createRequestPipeline({
    transport,
    tokens,
    resolveBaseUrl,
    bucketFor: (origin) => {
      const perMinute = config.rateLimitPerMinute;
      if (perMinute === undefined) return undefined;
      if (!internals.privateRateLimiter) {
        return getSharedBucket(
          sharedBucketKey(origin, config.clientId),
          perMinute,
          config.rateLimitSafetyMarginMs,
          config.rateLimitAdaptive,
        );
      }
      let bucket = privateBuckets.get(origin);
      if (!bucket) privateBuckets.set(origin, (bucket = createBucket(perMinute, config.rateLimitSafetyMarginMs, config.rateLimitAdaptive)));
      return bucket;
    },
    observers,
    redactor,
    clientId: config.clientId,
    configuredScope: strategy.requestedScope,
    retry: { ...config.retry, rateLimitDeadlineMs: config.rateLimitDeadlineMs },
    userAgent: config.userAgent,
    collectionPaths: [config.rulesPath, config.webhooksPath],
    random: internals.random,
  });

  let closed = false;
  return {
    rules: createResourcesApi<RoutingRuleInput, RoutingRule>(request, config.rulesPath, routingRuleSchema, {
      snapshotTtlMs: config.snapshotTtlMs,
    }),
    webhooks: createResourcesApi<WebhookInput, Webhook>(request, config.webhooksPath, webhookSchema, {
      snapshotTtlMs: config.snapshotTtlMs,
    }),
    get baseUrl() {
      return baseUrl;
    },
    clientId: config.clientId,
    resolveBaseUrl,
    request,
    addObserver: (observer) => observers.add(observer),
    async close() {
      if (closed) return;
      closed = true;
      internals.onClose?.();
      await transport.close();
    },
  };
}

function createStrategy(config: ResolvedClientConfig, context: AuthEndpointContext): AuthStrategy {
  const auth = config.auth;
  if (auth.kind === "access-key") {
    return createAccessKeyStrategy(context, {
      tokenUrl: config.authUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      accessKeyId: auth.accessKeyId,
      accessKeySecret: auth.accessKeySecret,
      scope: auth.scope,
    });
  }
  return createClientCredentialsStrategy(context, {
    tokenUrl: config.authUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scope: auth.scope,
    bodyFormat: auth.bodyFormat,
  });
}
