import * as pulumi from "@pulumi/pulumi";

/**
 * The URN the engine will give a resource, for the provider (journal, registry, messages).
 *
 * Never through pulumi.createUrn: its Output carries the parent as a dependency of the resource,
 * and a component as a dependency means "every child of it", so two of our resources under one
 * component each waited for the other's URN and the program hung ("waiting for the URNs of its
 * dependencies"). A plain promise carries no dependency. Without a parent the URN is a plain
 * string, which also spares the three Outputs createUrn builds per resource (program CPU).
 */
export function resourceUrn(name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  if (parent === undefined) return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${type}::${name}`;
  return new Promise<string>((resolve) => {
    parent.urn.apply((parentUrn) => {
      // As the engine does: the parent's qualified type, then `$` and this type.
      resolve(`${parentUrn.substring(0, parentUrn.lastIndexOf("::"))}$${type}::${name}`);
    });
  });
}
