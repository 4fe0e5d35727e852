import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** 429 on the last allowed attempt, or a Retry-After longer than the client is willing to wait. */
export class RateLimitedError extends CxoneApiError {
  readonly code = "rate_limited";
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, context: CxoneErrorContext & { attempts: number; retryAfterMs?: number }) {
    super(message, context);
    this.attempts = context.attempts;
    this.retryAfterMs = context.retryAfterMs;
  }
}
