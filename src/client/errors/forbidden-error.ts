import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** 403: the token is valid but lacks a scope (or the client may not touch this object). */
export class ForbiddenError extends CxoneApiError {
  readonly code = "forbidden";
  readonly missingScope: string | undefined;

  constructor(message: string, context: CxoneErrorContext & { missingScope?: string }) {
    super(message, context);
    this.missingScope = context.missingScope;
  }
}
