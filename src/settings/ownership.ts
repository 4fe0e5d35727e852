import * as pulumi from "@pulumi/pulumi";
import { ProviderConfigurationError } from "../errors/provider-configuration-error";

/**
 * Stacks that share a tenant own their objects through the name: with `cxone:owner staging`, the
 * rule the program calls "VIP" is "VIP [staging]" in CXone. Names are unique per tenant, so two
 * stacks deploy side by side; the tag is in the object itself, so ownership survives a lost state
 * file (`cxone-routing drift` lists tagged objects no resource holds); and a stack refuses to
 * adopt, update or delete an object tagged for another stack. The program, the state and every
 * diff use the untagged name; only what goes over the wire carries the tag.
 */
const OWNER_TAG = / \[([A-Za-z0-9._-]{1,32})\]$/;
const VALID_OWNER = /^[A-Za-z0-9._-]{1,32}$/;

export function validOwner(owner: string | undefined): string | undefined {
  if (owner === undefined || owner === "") return undefined;
  if (!VALID_OWNER.test(owner)) {
    throw new ProviderConfigurationError(
      `cxone:owner must be 1 to 32 letters, digits, ".", "_" or "-" (it becomes the " [owner]" tag of every name this stack writes), got "${owner}".`,
      "owner",
    );
  }
  return owner;
}

/**
 * The program's owner tag: its stack's `cxone:owner`, else CXONE_OWNER. Program process only; the
 * provider takes the owner from its run context and the CLI from the stack it reads, and both pass
 * it explicitly to the functions below.
 */
export function currentOwner(): string | undefined {
  return validOwner(pulumi.runtime.getConfig("cxone:owner") ?? process.env.CXONE_OWNER);
}

/** The `owner` input of a resource: this stack's owner tag, or nothing when it has none. */
export function ownerInput(): { owner?: string } {
  const owner = currentOwner();
  return owner === undefined ? {} : { owner };
}

/** The stack that owns an object, from its name's tag; undefined for untagged (console-made) objects. */
export function ownerOf(name: string): string | undefined {
  return OWNER_TAG.exec(name)?.[1];
}

/** The name as CXone holds it for this stack. */
export function ownedName(name: string, owner: string | undefined): string {
  return owner && ownerOf(name) !== owner ? `${name} [${owner}]` : name;
}

/** The name as the program knows it: this stack's own tag removed, any other tag kept. */
export function withoutOwner(name: string, owner: string | undefined): string {
  return owner && ownerOf(name) === owner ? name.slice(0, -(owner.length + 3)) : name;
}

/** Why this stack must not take over, change or delete an object; undefined when it may. */
export function foreignOwner(name: string, owner: string | undefined): string | undefined {
  const tag = ownerOf(name);
  return tag !== undefined && tag !== owner ? tag : undefined;
}
