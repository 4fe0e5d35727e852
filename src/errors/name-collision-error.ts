import { ProviderError } from "./provider-error";

/** A name is taken (in the program or in CXone); the message names both holders and the fix. */
export class NameCollisionError extends ProviderError {
  readonly code = "name_collision";
}
