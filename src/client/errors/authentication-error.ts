import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** The token endpoint rejected the credentials, or the API kept answering 401 after a fresh token. */
export class AuthenticationError extends CxoneApiError {
  readonly code = "authentication_failed";
  /** The OAuth `error` value (e.g. invalid_client), when the token endpoint sent one. */
  readonly oauthError: string | undefined;

  constructor(message: string, context: CxoneErrorContext & { oauthError?: string }) {
    super(message, context);
    this.oauthError = context.oauthError;
  }
}
