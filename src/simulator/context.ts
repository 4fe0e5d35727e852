import { createTokenStore, type TokenStore } from "./auth/tokens";
import { createDeliveryService, type DeliveryService } from "./events/delivery";
import { createFaultInjector, type FaultInjector } from "./faults";
import type { ResolvedOptions } from "./options";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import { createRequestLog, type RequestLog } from "./request-log";
import { createRuleService, type RuleService } from "./resources/rule-service";
import { createWebhookService, type WebhookService } from "./resources/webhook-service";
import { createIdempotencyStore, type IdempotencyStore } from "./store/idempotency-store";
import { createSnapshotWriter, loadSnapshot, type Snapshot } from "./store/persistence";

/** Everything one running simulator holds; HTTP routes and the in-process admin share it. */
export interface SimulatorContext {
  options: ResolvedOptions;
  rules: RuleService;
  webhooks: WebhookService;
  idempotency: IdempotencyStore;
  tokens: TokenStore;
  rateLimiter: RateLimiter;
  faults: FaultInjector;
  requestLog: RequestLog;
  deliveries: DeliveryService;
  /** Writes the current state to the data file, if any; resolves when it is on disk. */
  persist(): Promise<void>;
  /** Waits for queued data file writes. */
  persistenceIdle(): Promise<void>;
  /** Base URL, known once the server listens. */
  baseUrl: string;
}

export async function createSimulatorContext(options: ResolvedOptions): Promise<SimulatorContext> {
  const deliveries = createDeliveryService({ ...options.delivery, now: options.now, logger: options.logger });
  const webhooks = createWebhookService(options.now);
  const rules = createRuleService({
    now: options.now,
    maxConditions: options.maxConditions,
    onChange: (type, rule) => deliveries.dispatch(type, rule, webhooks.allStored()),
  });
  const idempotency = createIdempotencyStore(options.now);
  const writer = options.dataFile === undefined ? undefined : createSnapshotWriter(options.dataFile);

  if (options.dataFile !== undefined) {
    const snapshot = await loadSnapshot(options.dataFile);
    if (snapshot !== undefined) {
      rules.load(snapshot.rules);
      webhooks.load(snapshot.webhooks);
      idempotency.load(snapshot.idempotency);
    }
  }

  const snapshot = (): Snapshot => ({
    format: 1,
    rules: rules.all(),
    webhooks: webhooks.allStored(),
    idempotency: idempotency.records(),
  });

  return {
    options,
    rules,
    webhooks,
    idempotency,
    tokens: createTokenStore(options.now),
    rateLimiter: createRateLimiter(options.rateLimitPerMinute, options.now, options.rateLimitCapacity),
    faults: createFaultInjector(options.faultSeed, options.faults),
    requestLog: createRequestLog(options.now),
    deliveries,
    persist: async () => {
      if (writer !== undefined) await writer.save(snapshot);
    },
    persistenceIdle: async () => {
      if (writer !== undefined) await writer.idle();
    },
    baseUrl: "",
  };
}
