import { CxoneRoutingError } from "../../errors";

/** The command line itself is wrong; the message shows the usage. */
export class UsageError extends CxoneRoutingError {
  readonly code = "usage";
}
