import { quietStack } from "./quiet-stack";

/**
 * The one base of every error this package throws on purpose (API client, resources, analysis,
 * commands): catch it and switch on the readonly `code`. Its message is one block a person can act
 * on (what, where, why, the fix), so it prints without a stack trace (see quiet-stack.ts): an
 * expected failure is not a crash.
 */
export abstract class CxoneRoutingError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    quietStack(this);
    // Pulumi's program host prints an error that carries this mark (its RunError's) as its
    // message alone, where any other error is "failed with an unhandled exception" and a stack.
    // Our errors thrown while a program declares resources are expected failures: one block.
    Object.defineProperty(this, "__pulumiRunError", { value: true, enumerable: false, configurable: true });
  }
}

/** Whether an error is one of ours, an expected failure with its own message (not a bug). */
export function isExpectedFailure(error: unknown): error is CxoneRoutingError {
  return error instanceof CxoneRoutingError;
}
