import { ProviderError } from "./provider-error";

/** The object carries another stack's owner tag (see ownership.ts): this stack leaves it alone. */
export class OwnershipError extends ProviderError {
  readonly code = "owned_by_other_stack";
  readonly owner: string;
  constructor(kind: string, action: string, objectName: string, id: string, owner: string) {
    super(
      `${kind} "${objectName}" (id ${id}) belongs to the stack with cxone:owner "${owner}" (its name carries the tag [${owner}]), ` +
        `so this stack does not ${action} it; nothing was sent. Fix: manage it from that stack, or give this resource its own object ` +
        "(remove adoptId; with cxone:owner set, its name gets this stack's tag and does not collide).",
    );
    this.owner = owner;
  }
}
