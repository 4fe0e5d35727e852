import { ProviderError } from "./provider-error";
/** The object this resource manages was deleted outside Pulumi. */
export class ObjectGoneError extends ProviderError {
  readonly code = "object_gone";
  constructor(kind: string, name: string, id: string) {
    super(
      `${kind} "${name}" (id ${id}) no longer exists in CXone: it was deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state; the next `pulumi up` creates it again.",
    );
    this.name = "ObjectGoneError";
  }
}
