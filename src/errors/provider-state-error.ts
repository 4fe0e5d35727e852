import { ProviderError } from "./provider-error";

/** Inputs or outputs handed to the provider cannot be used as they are (state from another version, a missing value). */
export class ProviderStateError extends ProviderError {
  readonly code = "provider_state";
}
