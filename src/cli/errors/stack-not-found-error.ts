import { CxoneRoutingError } from "../../errors";

/** A command named a stack that the current Pulumi project and backend do not have. */
export class StackNotFoundError extends CxoneRoutingError {
  readonly code = "stack_not_found";
  readonly stackName: string;
  constructor(stack: string, detail: string) {
    super(
      `stack "${stack}" was not found in this Pulumi project (${detail}). ` +
        `Fix: run the command in the project folder (the one with Pulumi.yaml), check the name with \`pulumi stack ls\`, ` +
        `and log in to the backend that holds it (PULUMI_BACKEND_URL).`,
    );
    this.stackName = stack;
  }
}
