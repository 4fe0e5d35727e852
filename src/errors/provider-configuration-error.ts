import { ProviderError } from "./provider-error";
/** A missing or malformed `cxone:*` setting. The message names the key and how to set it. */
export class ProviderConfigurationError extends ProviderError {
  readonly code = "provider_configuration";
  readonly key: string;
  constructor(message: string, key: string) {
    super(message);
    this.name = "ProviderConfigurationError";
    this.key = key;
  }
}
