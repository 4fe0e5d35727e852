import { NotFoundError } from "../../client/errors";
import { isUnknownPlaceholder } from "../../validation";
import { withoutOwner } from "../../settings/ownership";
import { providerClient } from "../provider-state";

const names = new Map<string, Promise<string | undefined>>();

/**
 * The name of the rule with this CXone id, for the display-only input `fallbackRuleName` (one GET
 * per id and process). Undefined when unknown or unreadable: display never fails an operation.
 */
export function fallbackRuleName(id: unknown): Promise<string | undefined> {
  if (typeof id !== "string" || id === "" || isUnknownPlaceholder(id)) return Promise.resolve(undefined);
  let name = names.get(id);
  if (!name) {
    name = providerClient()
      .rules.get(id)
      .then(
        (r) => withoutOwner(r.body.name),
        (error: unknown) => (error instanceof NotFoundError ? undefined : undefined),
      );
    names.set(id, name);
  }
  return name;
}

/** For tests and a new run: forget the names read. */
export function resetFallbackNames(): void {
  names.clear();
}
