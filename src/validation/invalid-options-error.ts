import { CxoneRoutingError } from "../errors/cxone-routing-error";

/**
 * Thrown when a validator or analysis is called with options that make no sense (for example
 * a negative condition limit). This is a mistake of the caller, never a finding about the user's
 * routing configuration, so it is thrown instead of being reported.
 */
export class InvalidOptionsError extends CxoneRoutingError {
  readonly code = "invalid_validation_options";
}
