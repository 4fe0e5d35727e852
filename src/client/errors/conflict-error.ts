import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** 409: e.g. duplicate_name on create, rule_in_use on delete. */
export class ConflictError extends CxoneApiError {
  readonly code = "conflict";
  /** The server's errorCode, e.g. "duplicate_name" or "rule_in_use". */
  readonly errorCode: string | undefined;

  constructor(message: string, context: CxoneErrorContext & { errorCode?: string }) {
    super(message, context);
    this.errorCode = context.errorCode;
  }
}
