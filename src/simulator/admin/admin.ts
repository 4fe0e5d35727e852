import type { SimulatorContext } from "../context";
import type { DeliveryRecord } from "../events/delivery";
import { type FaultConfig, normalizeFaults } from "../faults";
import { ApiError } from "../http/api-error";
import type { RequestLogEntry } from "../request-log";
import type { Versioned } from "../resources/resource-service";
import { evaluateRouting, type RouteRequest, type RouteResult } from "../routing-evaluation";
import type { Rule, WebhookInput, WebhookView, WithETag } from "../store/records";

/**
 * A rule as a client writes it: wire-level strings, because the simulator validates seeds and
 * edits like any other write (vocabulary checks happen server-side, not in the type).
 */
export interface RuleWrite {
  name: string;
  description?: string;
  priority: number;
  enabled: boolean;
  interactionType: string;
  conditions: Array<{ field: string; operator: string; value?: unknown; conditionGroupId?: string }>;
  targets: Array<{ type: string; id: string; weight: number; capacity: number }>;
  fallbackRuleId?: string;
}

/** A rule to seed: the writable fields, optionally with a chosen id. */
export type SeedRule = RuleWrite & { id?: string };
/** A webhook to seed: format defaults to "json"; the secret is stored but never served. */
export type SeedWebhook = Omit<WebhookInput, "format"> & { id?: string; format?: "json"; secret?: string };

/** Objects for {@link SimulatorAdmin.seed}: rules and webhooks, ids optional. */
export interface SeedInput {
  rules?: SeedRule[];
  webhooks?: SeedWebhook[];
}

/** Every rule and webhook the simulator holds, with its ETag (never webhook secrets). */
export interface SimulatorState {
  rules: WithETag<Rule>[];
  /** Secrets are never included. */
  webhooks: WithETag<WebhookView>[];
}

/** Test and demo control over a running simulator; the HTTP admin API under /_admin mirrors it. */
export interface SimulatorAdmin {
  /** Empties rules, webhooks, idempotency records, request log, counters and delivery history; restores start-up faults; refills rate buckets. Tokens stay valid. */
  reset(): Promise<void>;
  /** Adds rules and webhooks (ids may be given) without firing events; all-or-nothing; ApiError 400 on invalid input. */
  seed(input: SeedInput): Promise<SimulatorState>;
  /** The request log, oldest first (admin calls left out). */
  requests(): RequestLogEntry[];
  /** Calls per `METHOD template status`. */
  counters(): Record<string, number>;
  /** Out-of-band console edit: merges the patch, bumps version and ETag, fires routing.rule.updated. */
  editRule(id: string, patch: Partial<RuleWrite>): Promise<WithETag<Rule>>;
  /** Every issued token stops working. */
  revokeTokens(): void;
  /** Replaces the fault configuration and restarts the seeded PRNG sequence. */
  setFaults(faults: FaultConfig): void;
  /** Turns every fault off (latency, error rate, dropped responses, ...). */
  clearFaults(): void;
  /** The faults in force, with the remaining burst/drop counts. */
  faults(): FaultConfig;
  /** Webhook delivery history, one record per event and webhook. */
  deliveries(): DeliveryRecord[];
  /** Resolves once every pending webhook delivery (retries included) has finished. */
  flushDeliveries(): Promise<void>;
  /** What the tenant holds now. */
  state(): SimulatorState;
  /** The rule an interaction would be routed by, or null. */
  route(request: RouteRequest): RouteResult | null;
}

function withETag<V>(item: Versioned<V>): WithETag<V> {
  return { ...item.view, etag: item.etag };
}

export function createAdmin(ctx: SimulatorContext): SimulatorAdmin {
  const badRequest = (message: string): ApiError => new ApiError(400, "invalid_faults", message);
  return {
    async reset() {
      ctx.rules.clear();
      ctx.webhooks.clear();
      ctx.idempotency.clear();
      ctx.requestLog.clear();
      ctx.deliveries.reset();
      ctx.faults.set(ctx.options.faults);
      ctx.rateLimiter.reset();
      await ctx.persist();
    },
    async seed(input) {
      const rules: unknown[] = input.rules ?? [];
      const webhooks: unknown[] = input.webhooks ?? [];
      if (!Array.isArray(rules) || !Array.isArray(webhooks)) {
        throw new ApiError(400, "invalid_body", "seed expects {rules?: [...], webhooks?: [...]}");
      }
      const seededWebhooks = ctx.webhooks.seed(webhooks);
      let seededRules: Versioned<Rule>[];
      try {
        seededRules = ctx.rules.seed(rules);
      } catch (error) {
        for (const webhook of seededWebhooks) ctx.webhooks.remove(webhook.view.id, webhook.etag);
        throw error;
      }
      await ctx.persist();
      return { rules: seededRules.map(withETag), webhooks: seededWebhooks.map(withETag) };
    },
    requests: () => ctx.requestLog.entries(),
    counters: () => ctx.requestLog.counters(),
    async editRule(id, patch) {
      const edited = ctx.rules.edit(id, patch);
      await ctx.persist();
      return withETag(edited);
    },
    revokeTokens: () => ctx.tokens.revokeAll(),
    setFaults: (faults) => ctx.faults.set(normalizeFaults(faults, badRequest)),
    clearFaults: () => ctx.faults.clear(),
    faults: () => ctx.faults.current(),
    deliveries: () => ctx.deliveries.records(),
    flushDeliveries: () => ctx.deliveries.flush(),
    state: () => ({ rules: ctx.rules.list().map(withETag), webhooks: ctx.webhooks.list().map(withETag) }),
    route(request) {
      if (typeof request !== "object" || request === null || typeof request.interactionType !== "string") {
        throw new ApiError(400, "invalid_body", "route expects {interactionType: string, attributes: object}");
      }
      const attributes = typeof request.attributes === "object" && request.attributes !== null ? request.attributes : {};
      return evaluateRouting(ctx.rules.all(), { interactionType: request.interactionType, attributes });
    },
  };
}
