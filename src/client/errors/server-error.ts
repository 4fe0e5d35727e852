import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** 5xx that was not retried or still failed on the last attempt. */
export class ServerError extends CxoneApiError {
  readonly code = "server_error";
  readonly attempts: number;

  constructor(message: string, context: CxoneErrorContext & { attempts: number }) {
    super(message, context);
    this.attempts = context.attempts;
  }
}
