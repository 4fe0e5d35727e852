import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

export interface FieldError {
  readonly field: string | null;
  readonly message: string;
  readonly errorCode: string;
}

/** 400: the server rejected the body; `fieldErrors` says which fields and why. */
export class ValidationError extends CxoneApiError {
  readonly code = "validation_failed";
  readonly fieldErrors: readonly FieldError[];

  constructor(message: string, context: CxoneErrorContext & { fieldErrors: readonly FieldError[] }) {
    super(message, context);
    this.fieldErrors = context.fieldErrors;
  }
}
