/** The command line of cxone-sim cannot be understood. */
export class CliUsageError extends Error {
  readonly code = "cli_usage";

  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
