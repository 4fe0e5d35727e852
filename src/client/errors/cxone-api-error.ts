import { CxoneRoutingError } from "../../errors/cxone-routing-error";
/** Where an error happened; every field is optional because configuration errors happen before any request. */
export interface CxoneErrorContext {
  readonly method?: string;
  readonly path?: string;
  /** HTTP status; 0 when no response arrived (transport errors). */
  readonly status?: number;
  readonly correlationId?: string;
  readonly cause?: unknown;
}

/**
 * Base class of every error the CXone client throws, so callers can catch one type and still switch
 * on the readonly `code`. Messages are built already redacted (see ../redact), because `stack` is
 * captured from the message at construction time.
 */
export abstract class CxoneApiError extends CxoneRoutingError {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly correlationId: string | undefined;

  constructor(message: string, context: CxoneErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.method = context.method;
    this.path = context.path;
    this.status = context.status;
    this.correlationId = context.correlationId;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      correlationId: this.correlationId,
    };
  }
}

/** "POST /api/v2/webhooks" plus the correlation id support needs, for the start of messages. */
export function describeRequest(context: CxoneErrorContext): string {
  const request = context.method && context.path ? `${context.method} ${context.path}` : "request";
  return context.correlationId ? `${request} (CorrelationId ${context.correlationId})` : request;
}
