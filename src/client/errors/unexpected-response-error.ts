import { CxoneApiError } from "./cxone-api-error";

/** A status or body the contract does not describe (e.g. 418, or a 200 without JSON). */
export class UnexpectedResponseError extends CxoneApiError {
  readonly code = "unexpected_response";
}
