import { CxoneRoutingError } from "./cxone-routing-error";

/**
 * Base of the provider's own expected failures (next to the client's CxoneApiError): a readonly
 * `code` to switch on, and a message that is the whole report (see quietStack).
 */
export abstract class ProviderError extends CxoneRoutingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
