import { ProviderError } from "./provider-error";
/** `adoptId` names an object that cannot be taken over. */
export class AdoptionError extends ProviderError {
  readonly code = "adoption_failed";
  constructor(message: string) {
    super(message);
    this.name = "AdoptionError";
  }
}
