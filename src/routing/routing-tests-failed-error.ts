import { CxoneRoutingError } from "../errors";
import { formatRoutingTestFailure, type RoutingTestFailure } from "./run-routing-tests";

/**
 * Routing tests failed at preview (or at the start of `up`): nothing was written. Like every
 * CxoneRoutingError the language host prints it once, without a stack.
 */
export class RoutingTestsFailedError extends CxoneRoutingError {
  readonly code = "routing_tests_failed";
  readonly failures: readonly RoutingTestFailure[];

  /** `hide` takes the program's secret values out of the message (see kinds/secrets.ts secretHider). */
  constructor(failures: readonly RoutingTestFailure[], total: number, hide: (message: string) => string = (m) => m) {
    super(
      hide(
        `${failures.length} of ${total} routing test(s) failed; nothing was written:\n\n${failures.map(formatRoutingTestFailure).join("\n\n")}`,
      ),
    );
    this.failures = failures;
  }
}

/** A routing test case or file that cannot be read: the program stops before anything is registered. */
export class RoutingTestDefinitionError extends CxoneRoutingError {
  readonly code = "routing_test_invalid";
}
