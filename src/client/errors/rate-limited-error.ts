import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/**
 * 429 the client stopped retrying: a Retry-After beyond rateLimitDeadlineMs (counted from the
 * request's first 429) or retry.maxRetryAfterMs, or 429s without Retry-After on the last allowed attempt.
 */
export class RateLimitedError extends CxoneApiError {
  readonly code = "rate_limited";
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
  /** The last Retry-After header as sent. */
  readonly retryAfter: string | undefined;

  constructor(message: string, context: CxoneErrorContext & { attempts: number; retryAfterMs?: number; retryAfter?: string }) {
    super(message, context);
    this.attempts = context.attempts;
    this.retryAfterMs = context.retryAfterMs;
    this.retryAfter = context.retryAfter;
  }
}
