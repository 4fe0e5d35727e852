import { isExpectedFailure } from "../errors/cxone-routing-error";

/**
 * The Node SDK formats a stack trace for every promise it makes (`debuggablePromise` stores
 * `new Error().stack`, kept only for its "promise never resolved" report at exit), and under
 * ts-node every frame of it is mapped through source maps. A resource's constructor makes a few
 * dozen such promises, so that formatting was most of a program's CPU and garbage: half of a
 * 2,000-rule preview's program CPU (engine.pulumi benchmark, docs/performance.md).
 *
 * Our constructors run the SDK's with `Error.stackTraceLimit` at 0. What that leaves out:
 * - the frames of those promises' debug stacks, which the SDK prints only under
 *   PULUMI_DEBUG_PROMISE_LEAKS (and then nothing is paused, see below);
 * - the frames of the errors the SDK makes in advance for a failed registration, so such an error
 *   reads as its message (which names the resource) without the program line.
 * What it keeps: the resource's source position and registration stack trace (the SDK raises the
 * limit itself to take them), and an error thrown by the SDK's constructor gets the program's
 * frames back (see `failed`). With PULUMI_DEBUG_PROMISE_LEAKS set (the switch the SDK's leak report
 * asks for) nothing is paused: whoever debugs a hang gets every stack.
 */
export interface PausedStacks {
  /** Restores the limit the program had. Idempotent. */
  end(): void;
  /** Restores the limit and gives an error thrown meanwhile the stack of the constructor's caller. */
  failed(error: unknown): unknown;
}

const FRAME = /\n\s+at /;

export function pauseSdkStacks(): PausedStacks {
  const limit = Error.stackTraceLimit;
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
  const end = () => {
    Error.stackTraceLimit = limit;
  };
  function failed(error: unknown): unknown {
    end();
    // Only an error made while the limit was 0 (no frames); ours keep their quiet, message-only stacks.
    if (error instanceof Error && !isExpectedFailure(error) && !FRAME.test(String(error.stack))) Error.captureStackTrace(error, failed);
    return error;
  }
  return { end, failed };
}
