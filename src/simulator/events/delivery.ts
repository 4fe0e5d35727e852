import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Rule, StoredWebhook } from "../store/records";
import type { RuleEventType } from "../vocabulary";
import type { SimulatorLogger } from "../options";
import { signatureHeader } from "./signing";
import { postJson } from "./transport";

/** One try of a webhook delivery: the status the receiver answered, or the error. */
export interface DeliveryAttempt {
  attempt: number;
  at: string;
  /** HTTP status of the receiver's answer; null when the connection failed. */
  status: number | null;
  error: string | null;
}

/** One event sent to one webhook, with every attempt. */
export interface DeliveryRecord {
  deliveryId: string;
  webhookId: string;
  eventType: RuleEventType;
  ruleId: string;
  occurredAt: string;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  /** True while attempts remain to be made. */
  pending: boolean;
}

/** The body of a webhook event: `{id, type, occurredAt, data: {rule}}`. */
export interface RuleEvent {
  id: string;
  type: RuleEventType;
  occurredAt: string;
  data: { rule: Rule };
}

export interface DeliverySettings {
  attempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  now: () => number;
  logger: SimulatorLogger | undefined;
}

export interface DeliveryService {
  /** Starts delivering to every enabled webhook subscribed to the event; never blocks the caller. */
  dispatch(type: RuleEventType, rule: Rule, webhooks: StoredWebhook[]): void;
  records(): DeliveryRecord[];
  /** Resolves once no delivery is pending, including ones started while waiting. */
  flush(): Promise<void>;
  /** Abandons pending retries and forgets the history. */
  reset(): void;
  close(): void;
}

const HISTORY_LIMIT = 10_000;

export function subscribes(webhook: StoredWebhook, type: RuleEventType): boolean {
  return webhook.enabled && webhook.eventFilter.split(/\s+/).includes(type);
}

export function createDeliveryService(settings: DeliverySettings): DeliveryService {
  let history: DeliveryRecord[] = [];
  const pending = new Set<Promise<void>>();
  let abort = new AbortController();

  const deliver = async (record: DeliveryRecord, webhook: StoredWebhook, body: string, signal: AbortSignal): Promise<void> => {
    for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
      if (attempt > 1) await sleep(settings.baseDelayMs * 2 ** (attempt - 2), undefined, { signal });
      const timestamp = Math.floor(settings.now() / 1000);
      const headers: Record<string, string> = {
        "X-CXone-Timestamp": String(timestamp),
        "X-CXone-Event": record.eventType,
        "X-CXone-Delivery": record.deliveryId,
      };
      if (webhook.secret !== undefined) headers["X-CXone-Signature"] = signatureHeader(webhook.secret, timestamp, body);
      const at = new Date(settings.now()).toISOString();
      try {
        const status = await postJson(webhook.targetURL, headers, body, settings.timeoutMs, signal);
        record.attempts.push({ attempt, at, status, error: status >= 200 && status < 300 ? null : `receiver answered ${status}` });
        if (status >= 200 && status < 300) {
          record.delivered = true;
          return;
        }
      } catch (error) {
        if (signal.aborted) throw error;
        record.attempts.push({ attempt, at, status: null, error: (error as Error).message });
      }
    }
    settings.logger?.warn(
      `delivery ${record.deliveryId} of ${record.eventType} to webhook ${record.webhookId} failed after ${settings.attempts} attempts`,
    );
  };

  return {
    dispatch(type, rule, webhooks) {
      const occurredAt = new Date(settings.now()).toISOString();
      for (const webhook of webhooks.filter((candidate) => subscribes(candidate, type))) {
        const event: RuleEvent = { id: randomUUID(), type, occurredAt, data: { rule } };
        const record: DeliveryRecord = {
          deliveryId: event.id,
          webhookId: webhook.id,
          eventType: type,
          ruleId: rule.id,
          occurredAt,
          attempts: [],
          delivered: false,
          pending: true,
        };
        history.push(record);
        if (history.length > HISTORY_LIMIT) history = history.slice(history.length - HISTORY_LIMIT);
        const run = deliver(record, { ...webhook }, JSON.stringify(event), abort.signal)
          .catch(() => undefined)
          .finally(() => {
            record.pending = false;
            pending.delete(run);
          });
        pending.add(run);
      }
    },
    records: () => history.map((record) => ({ ...record, attempts: record.attempts.map((a) => ({ ...a })) })),
    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    reset() {
      abort.abort();
      abort = new AbortController();
      history = [];
    },
    close() {
      abort.abort();
    },
  };
}
