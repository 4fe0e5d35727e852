import { readAuditLog } from "../../audit";
import { ConflictError } from "../../client/errors";
import type { ResourcesApi } from "../../client";
import { stackFromUrn } from "../../audit";
import type { RunContext } from "../run-context";
import { logicalName } from "./run-registry";

/**
 * The URN that last wrote or read `id` in this stack, other than `ownUrn`, from the audit log
 * (the file, else this process's records): after a rename without alias, the old logical name.
 */
export function previousUrnOf(run: RunContext, id: string, ownUrn: unknown): string | undefined {
  const log = run.auditLog();
  let records = log.records;
  if (log.path) {
    try {
      records = readAuditLog(log.path).records;
    } catch {
      // No file yet: the in-memory records are all there is.
    }
  }
  const stack = typeof ownUrn === "string" ? stackFromUrn(ownUrn) : undefined;
  const hits = records.filter(
    (r) =>
      r.resourceId === id &&
      r.status === "success" &&
      r.operation !== "delete" &&
      r.operation !== "forget" &&
      r.urn !== ownUrn &&
      (!stack || r.stack === stack),
  );
  return hits.at(-1)?.urn;
}

/**
 * Why `name` cannot be used by the resource `ownUrn`, and the likely fix first: a rename inside
 * this stack wants `aliases`, a resource of this program holding it wants another name, and only
 * an object nobody manages wants `adoptId`.
 */
export function duplicateNameMessage(
  run: RunContext,
  kind: string,
  name: string,
  holderId: string | undefined,
  ownUrn: unknown,
  /** previousUrnOf(holderId), when the caller has read the audit log already. */
  previousUrn?: string,
): string {
  const own = typeof ownUrn === "string" ? logicalName(ownUrn) : "?";
  const head = `${kind} "${own}": the name "${name}" is already used in CXone${holderId ? ` by id ${holderId}` : ""}, and names are unique per tenant.`;
  if (!holderId) return `${head} Choose another name, or find the object in CXone and take it over with adoptId: "<its id>".`;
  const program = run.registry.otherHolders(holderId, ownUrn);
  if (program.length > 0) {
    return `${head} Resource "${logicalName(program[0]!)}" of this program manages that object. Choose another name for one of them.`;
  }
  const previous = previousUrn ?? previousUrnOf(run, holderId, ownUrn);
  if (previous && logicalName(previous) !== own) {
    const old = logicalName(previous);
    return (
      `${head} Resource "${old}" of this stack created or last managed it (audit log). If you renamed "${old}" to "${own}", ` +
      `add \`aliases: [{ name: "${old}" }]\` to the options of "${own}" so that Pulumi keeps the object instead of creating a second one. ` +
      `If "${old}" is another resource that is still in your program, choose another name.`
    );
  }
  return (
    `${head} If you renamed a resource of this stack, find its old logical name with \`pulumi stack --show-urns\` and add ` +
    `\`aliases: [{ name: "<old logical name>" }]\` to the options of "${own}". Only if no Pulumi resource manages id ${holderId}, ` +
    `take it over with adoptId: "${holderId}" (preview then shows what adopting it changes), or choose another name.`
  );
}

/** The API's 409 duplicate_name as thrown to the user: the same error, with the likely fix first (aliases for a rename, adoptId last). */
export async function collisionError(
  run: RunContext,
  kind: string,
  api: Pick<ResourcesApi<{ name: string }, { id: string }>, "findByName">,
  error: ConflictError,
  name: string,
  urn: unknown,
): Promise<ConflictError> {
  const existing = await api.findByName(name).catch(() => undefined);
  return new ConflictError(duplicateNameMessage(run, kind, name, existing?.body.id, urn), {
    method: error.method,
    path: error.path,
    status: error.status,
    correlationId: error.correlationId,
    errorCode: error.errorCode,
    cause: error,
  });
}
