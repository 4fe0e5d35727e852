import { foreignOwner, withoutOwner } from "../../settings/ownership";

export interface LeftOut {
  readonly kind: "RoutingRule" | "Webhook";
  readonly id: string;
  readonly name: string;
  /** The stack that owns it, from its name's tag. */
  readonly owner: string;
}

export interface OwnedObjects<R, W> {
  readonly rules: R[];
  readonly webhooks: W[];
  readonly leftOut: LeftOut[];
}

/**
 * What an export for a stack may hold of a shared tenant (see ownership.ts): its own objects, named
 * as its program knows them (its tag removed), and untagged objects (made in the console). Objects
 * tagged for another stack are left out: the stack would refuse to adopt them at preview.
 */
export function ownedObjects<R extends { id: string; name: string }, W extends { id: string; name: string }>(
  rules: readonly R[],
  webhooks: readonly W[],
  owner: string | undefined,
): OwnedObjects<R, W> {
  const leftOut: LeftOut[] = [];
  const keep = <T extends { id: string; name: string }>(kind: LeftOut["kind"], objects: readonly T[]): T[] =>
    objects.flatMap((object) => {
      const other = foreignOwner(object.name, owner);
      if (other !== undefined) {
        leftOut.push({ kind, id: object.id, name: object.name, owner: other });
        return [];
      }
      return [{ ...object, name: withoutOwner(object.name, owner) }];
    });
  return { rules: keep("RoutingRule", rules), webhooks: keep("Webhook", webhooks), leftOut };
}
