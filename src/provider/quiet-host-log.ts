import { isExpectedFailure } from "../errors/cxone-routing-error";

const reported = new Set<string>();

/**
 * The dynamic-provider host prints every failed check/diff/read/delete to the provider's stderr
 * (`console.error(`${e}: ${e.stack}`)`), which the engine shows as a second copy of the error under
 * the stack, next to the one it shows under the resource. For our expected failures that copy
 * says nothing new, so the provider process drops exactly that line; bugs keep theirs.
 */
export function quietHostLog(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && reported.delete(args[0])) return;
    original(...args);
  };
}

/** Wraps a provider method: an expected failure is remembered so that the host's copy is dropped. */
export function expectedFailuresOnce<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await method(...args);
    } catch (error) {
      if (isExpectedFailure(error)) reported.add(`${error}: ${error.stack}`);
      throw error;
    }
  };
}
