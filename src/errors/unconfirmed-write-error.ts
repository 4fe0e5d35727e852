import { ProviderError } from "./provider-error";

/**
 * A create, adoption or update got a reply that could not be used (UnusableResponseError with
 * writeMayHaveApplied), and reading the object back did not show the program's version. Nothing
 * from the unusable reply went into the state; the message says what is known and what to run.
 */
export class UnconfirmedWriteError extends ProviderError {
  readonly code = "unconfirmed_write";
  readonly operation: "create" | "adopt" | "update";
  readonly objectId: string | undefined;
  constructor(
    kind: string,
    name: string,
    id: string | undefined,
    operation: "create" | "adopt" | "update",
    replyProblem: string,
    outcome: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${kind} "${name}"${id ? ` (id ${id})` : ""}: CXone's reply to the ${operation} could not be used (${replyProblem}), ` +
        `so it may or may not have been applied; ${outcome}`,
      options,
    );
    this.name = "UnconfirmedWriteError";
    this.operation = operation;
    this.objectId = id;
  }
}
