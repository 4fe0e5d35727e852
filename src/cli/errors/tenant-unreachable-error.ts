import { CxoneRoutingError } from "../../errors";

/** The CXone tenant of a stack could not be read with that stack's settings. */
export class TenantUnreachableError extends CxoneRoutingError {
  readonly code = "tenant_unreachable";
  readonly stackName: string;
  constructor(stack: string, detail: string, cause?: unknown) {
    super(`cannot read the CXone tenant of stack "${stack}": ${detail}`, { cause });
    this.stackName = stack;
  }
}
