/**
 * The one base of every error this package throws on purpose (client, resources, analysis,
 * commands): catch it and switch on the readonly `code`. Its message is one block a person can act
 * on (what, where, why, the fix), so `stack` is that message alone: an expected failure is no
 * crash, and Pulumi prints `stack` when a provider or program throws.
 */
export abstract class CxoneRoutingError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.stack = `${this.name}: ${message}`;
  }
}
