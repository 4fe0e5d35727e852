import { ProviderError } from "./provider-error";

/** A rule outside the stack falls back to the rule being deleted: nothing was deleted. */
export class DependentRuleError extends ProviderError {
  readonly code = "dependent_rule";
}
