/**
 * Thrown when a validator or analysis is called with options that make no sense (for example
 * a negative condition limit). This is a programming error of the caller, never a finding about
 * the user's routing configuration, so it is thrown instead of being reported.
 */
export class InvalidOptionsError extends Error {
  readonly code = "invalid_validation_options";

  constructor(message: string) {
    super(message);
    this.name = "InvalidOptionsError";
  }
}
