import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** No usable response: connection refused/reset, DNS failure, connect/headers/body timeout. */
export class TransportError extends CxoneApiError {
  readonly code = "transport_error";
  /** The socket-level code, e.g. ECONNREFUSED or UND_ERR_HEADERS_TIMEOUT. */
  readonly transportCode: string | undefined;
  readonly attempts: number;

  constructor(message: string, context: CxoneErrorContext & { transportCode?: string; attempts: number }) {
    super(message, { ...context, status: 0 });
    this.transportCode = context.transportCode;
    this.attempts = context.attempts;
  }
}
