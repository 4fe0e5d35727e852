import { fullJitterDelayMs, type BackoffSettings } from "./backoff";
import { readRetryAfter } from "./retry-after";
import { sleep } from "./sleep";

export interface RetryLoopSettings extends BackoffSettings {
  /** Sends per logical request for failures (5xx, lost connections, 429 without Retry-After). */
  readonly maxAttempts: number;
  /** A single Retry-After longer than this fails at once instead of stalling. */
  readonly maxRetryAfterMs: number;
  /**
   * 429s answered with a valid Retry-After are retried without counting against maxAttempts for
   * this long, measured from the request's first 429 (time queued in the client's own limiter
   * before that does not count: waiting behind our own requests is not the server refusing us).
   */
  readonly rateLimitDeadlineMs: number;
}

/** Why a retry loop stopped sending. */
export type GiveUpReason =
  /** maxAttempts failures (5xx, lost connection, 429 without Retry-After). */
  | "attempts"
  /** The wait would end after rateLimitDeadlineMs. */
  | "deadline"
  /** One Retry-After above retry.maxRetryAfterMs. */
  | "retry-after-too-long"
  /** Retry-After present but neither whole seconds nor an HTTP date. */
  | "invalid-retry-after";

export type RetryDecision =
  | { readonly retry: true; readonly waitMs: number; readonly retryAfterMs: number | undefined }
  | {
      readonly retry: false;
      readonly reason: GiveUpReason;
      /** The parsed Retry-After, when there was a valid one. */
      readonly retryAfterMs: number | undefined;
      /** The header as sent, for messages. */
      readonly retryAfterRaw: string | undefined;
      /** A clause for error messages, e.g. `Retry-After "1.5" is neither ...`. */
      readonly explanation: string;
    };

/** What the loop hands each attempt. */
export interface Attempt {
  /** 1 for the first send. */
  readonly number: number;
  /**
   * Decides whether a retryable answer is retried. "rate-limited" is a 429 (the server did not
   * process the request); "failure" is a 5xx or a connection error. Call it at most once per attempt.
   */
  decide(cause: "rate-limited" | "failure", retryAfterHeader?: string): RetryDecision;
}

/** An attempt either finishes the request or asks to be sent again after `waitMs` (0 = at once, e.g. after a token refresh). */
export type AttemptResult<T> = { readonly done: T } | { readonly againAfterMs: number };

export interface RetryLoopOptions {
  /** Jitter source (tests). */
  readonly random?: () => number;
  /** Milliseconds clock (tests); default Date.now, which Retry-After dates are relative to. */
  readonly now?: () => number;
}

/**
 * The one retry loop of the client, used by the API pipeline (request.ts) and the token/discovery
 * endpoints (auth/token-endpoint.ts). It owns counting, Retry-After, backoff, the deadline and the
 * sleeping; each attempt owns sending, the observer event and the typed error, because those differ
 * between the two callers. Hand-written rather than undici's RetryHandler for the reasons in
 * retry-policy.ts (limiter and token per attempt, lost-response recovery, observer per attempt).
 */
export async function runRetryLoop<T>(
  settings: RetryLoopSettings,
  attempt: (attempt: Attempt) => Promise<AttemptResult<T>>,
  options: RetryLoopOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  let failures = 0;
  let firstRateLimitAt: number | undefined;

  const decide = (cause: "rate-limited" | "failure", header: string | undefined): RetryDecision => {
    const at = now();
    const retryAfter = readRetryAfter(header, at);
    const giveUp = (reason: GiveUpReason, explanation: string, retryAfterMs?: number): RetryDecision => ({
      retry: false,
      reason,
      retryAfterMs,
      retryAfterRaw: retryAfter.kind === "absent" ? undefined : retryAfter.raw,
      explanation,
    });
    if (retryAfter.kind === "invalid") {
      return giveUp(
        "invalid-retry-after",
        `the server sent Retry-After ${JSON.stringify(retryAfter.raw.slice(0, 64))}, which is neither whole seconds nor an HTTP date`,
      );
    }
    const retryAfterMs = retryAfter.kind === "delay" ? retryAfter.ms : undefined;
    if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) {
      return giveUp(
        "retry-after-too-long",
        `Retry-After ${JSON.stringify(retryAfter.kind === "delay" ? retryAfter.raw : "")} asks for ${seconds(retryAfterMs)}, ` +
          `more than retry.maxRetryAfterMs (${seconds(settings.maxRetryAfterMs)})`,
        retryAfterMs,
      );
    }
    if (cause === "rate-limited") {
      firstRateLimitAt ??= at;
      const waitMs = retryAfterMs ?? fullJitterDelayMs(failures + 1, settings, options.random);
      const endsAt = at + waitMs - firstRateLimitAt;
      if (endsAt > settings.rateLimitDeadlineMs) {
        return giveUp(
          "deadline",
          `${retryAfterMs !== undefined ? `Retry-After ${JSON.stringify((retryAfter as { raw: string }).raw)}` : "the next retry"} would end ` +
            `${seconds(endsAt)} after the first 429, past rateLimitDeadlineMs (${seconds(settings.rateLimitDeadlineMs)})`,
          retryAfterMs,
        );
      }
      if (retryAfterMs !== undefined) return { retry: true, waitMs, retryAfterMs };
      // 429 without Retry-After: nothing tells us when the server will accept again; bounded like a failure.
    }
    if (failures + 1 >= settings.maxAttempts) {
      return giveUp("attempts", `retry.maxAttempts (${settings.maxAttempts}) reached`, retryAfterMs);
    }
    failures++;
    return { retry: true, waitMs: retryAfterMs ?? fullJitterDelayMs(failures, settings, options.random), retryAfterMs };
  };

  for (let number = 1; ; number++) {
    let decided = false;
    const result = await attempt({
      number,
      decide(cause, header) {
        if (decided) throw new Error("retry loop: decide() called twice in one attempt");
        decided = true;
        return decide(cause, header);
      },
    });
    if ("done" in result) return result.done;
    await sleep(result.againAfterMs);
  }
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
