import { isUnknownPlaceholder } from "../../validation";
import { withoutOwner } from "../../settings/ownership";
import type { RunContext } from "../run-context";

/**
 * The name of the rule with this CXone id, for the display-only input `fallbackRuleName` (one GET
 * per id and run). Undefined when unknown, gone or unreadable: display never fails an operation.
 */
export function ruleName(run: RunContext, id: string): Promise<string | undefined> {
  if (id === "" || isUnknownPlaceholder(id)) return Promise.resolve(undefined);
  return run.once(`rule-name ${id}`, () =>
    run
      .client()
      .rules.get(id)
      .then(
        (r) => withoutOwner(r.body.name, run.owner),
        // Gone or unreadable: no name to show; the operation itself reports API failures.
        () => undefined,
      ),
  );
}
