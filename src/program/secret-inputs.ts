import * as pulumi from "@pulumi/pulumi";

function holdsOutput(value: unknown, depth = 0): boolean {
  if (pulumi.Output.isInstance(value)) return true;
  if (depth > 8 || !value || typeof value !== "object") return false;
  return Object.values(value).some((v) => holdsOutput(v, depth + 1));
}

/**
 * The `__secrets` input: which top-level inputs the program marked secret. The engine hands a
 * dynamic provider plain values (it declares no secret support), so check() could not otherwise
 * tell a secret `name` from a plain one; with this list it reports a failure on such an input by
 * field, never by value. Names only, never values. A resource whose inputs hold no Output at all
 * gets no key (every key costs the SDK an Output and promises per resource).
 */
export function secretInputs(args: Record<string, unknown>): { __secrets?: pulumi.Output<string[]> } {
  const keys = Object.keys(args).filter((k) => holdsOutput(args[k]));
  if (keys.length === 0) return {};
  const marked = Promise.all(keys.map(async (k) => ((await pulumi.isSecret(pulumi.output(args[k]))) ? [k] : [])));
  return { __secrets: pulumi.output(marked.then((lists) => lists.flat())) };
}
