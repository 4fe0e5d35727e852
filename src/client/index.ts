export { getClient, closeAllClients } from "./registry";
export { countRequests } from "./attempt-count";
export { createClient, type CxoneClient, type ClientInternals } from "./client";
export {
  resolveClientConfig,
  normalizeScope,
  DEFAULT_RULES_PATH,
  DEFAULT_WEBHOOKS_PATH,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_TOKEN_REFRESH_MARGIN_SECONDS,
  DEFAULT_RATE_LIMIT_DEADLINE_MS,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUTS,
  type ClientConfigInput,
  type ClientCredentialsAuthInput,
  type AccessKeyAuthInput,
  type RetryInput,
  type TimeoutsInput,
  type ResolvedClientConfig,
  type ResolvedAuth,
} from "./config";
export * from "./errors/index";
export type { ApiResponse, RequestOptions, RequestFunction, LostResponseRecovery } from "./request";
export type { ResourcesApi, ListParams, CreateOptions, CollectionSnapshot, SnapshotEntry, ResourcesApiOptions } from "./resources-api";
export type { ResponseExpectation } from "./response-check";
export type { RequestEvent, RequestObserver, RequestOutcome, RequestKind } from "./observer";
export type { HttpMethod } from "./retry/retry-policy";
export type {
  RoutingRule,
  RoutingRuleInput,
  RuleCondition,
  RuleTarget,
  Webhook,
  WebhookInput,
  ListPage,
  ServerFields,
} from "./wire-types";
export { toPathTemplate } from "./path-template";
export { parseRetryAfter, readRetryAfter, type RetryAfter } from "./retry/retry-after";
export {
  runRetryLoop,
  type RetryLoopSettings,
  type RetryDecision,
  type GiveUpReason,
  type Attempt,
  type AttemptResult,
} from "./retry/retry-loop";
export { fullJitterDelayMs, backoffCeilingMs } from "./retry/backoff";
export { createTokenBucket, type TokenBucket, type TokenBucketOptions } from "./rate-limit/token-bucket";
export { isLoopbackHost } from "./url-policy";
