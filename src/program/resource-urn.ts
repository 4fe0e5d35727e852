import * as pulumi from "@pulumi/pulumi";

/** The URN prefix of a resource whose parent has `parentUrn`, as the engine (and pulumi.createUrn) builds it. */
export function childUrnPrefix(parentUrn: string): string {
  const prefix = `${parentUrn.substring(0, parentUrn.lastIndexOf("::"))}$`;
  // The root stack's type is not part of its children's types.
  return prefix.endsWith("::pulumi:pulumi:Stack$") ? `${prefix.slice(0, prefix.lastIndexOf("::"))}::` : prefix;
}

/**
 * The URN the engine will give a resource, for the provider: the run registry, messages, and the
 * Idempotency-Key of its creates (the same on every runner; see write-safety/interrupted-create.ts).
 *
 * Never through pulumi.createUrn: its Output carries the parent as a dependency of the resource,
 * and a component as a dependency means "every child of it", so two of our resources under one
 * component each waited for the other's URN and the program hung ("waiting for the URNs of its
 * dependencies"). A plain promise carries no dependency. Without a parent the URN is a plain
 * string, which also spares the three Outputs createUrn builds per resource (program CPU).
 */
export function resourceUrn(name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Input<string> {
  if (parent === undefined) return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${type}::${name}`;
  return parentUrn(parent).then((urn) => `${childUrnPrefix(urn)}${type}::${name}`);
}

/** The parent's URN as a promise that also rejects when the parent's registration fails. */
function parentUrn(parent: pulumi.Resource): Promise<string> {
  // Output.promise() is the SDK's own (untyped) accessor; apply() alone never settles on a rejection.
  const output = parent.urn as unknown as { promise?: () => Promise<string> };
  if (typeof output.promise === "function") return output.promise();
  return new Promise<string>((resolve) => parent.urn.apply(resolve));
}
