import { CxoneRoutingError } from "../../errors";

/** The `pulumi` CLI that a command runs failed for a reason other than a missing stack. */
export class PulumiCommandError extends CxoneRoutingError {
  readonly code = "pulumi_command_failed";
  constructor(command: string, detail: string) {
    super(`\`pulumi ${command}\` failed: ${detail}. Fix: run it yourself to see the whole output; the pulumi CLI must be on PATH.`);
  }
}
