import { NotFoundError, PreconditionFailedError } from "../../client/errors";
import { OutOfBandChangeError } from "../../errors/out-of-band-change-error";
import { audited } from "../audited";
import { refuseOutsideDependents } from "../write-safety/delete-guard";
import { writeETag } from "../write-safety/write-etag";
import { policy, type Operation, type Props } from "./operation";

/**
 * delete(): one DELETE guarded by If-Match (as update), after the delete guard has made sure no
 * object outside the stack depends on it. An object another resource of this run holds (a rename
 * without alias plus adoptId) is only dropped from the state.
 */
export async function remove(op: Operation, id: string, props: Props): Promise<void> {
  const { kind, run } = op;
  const stateETag = props.etag as string | undefined;
  const name = String(props.name ?? id);
  const urn = props.__urn;
  const record = { resourceType: kind.kind, urn, resourceId: id, etagBefore: stateETag };
  const holders = run.registry.otherHolders(id, urn);
  if (holders.length > 0) {
    await audited(run, { ...record, operation: "forget" }, async () => ({
      result: undefined,
      etagAfter: undefined,
      note: `not deleted: ${holders.join(", ")} of this stack manages id ${id}; dropped from the state without an API call`,
    }));
    run.registry.release(urn);
    return;
  }
  run.registry.markDeleting(urn);
  await audited(run, { ...record, operation: "delete" }, async () => {
    if (kind.hasDependents) await refuseOutsideDependents(run, op.api as never, id, name);
    let etag = stateETag;
    try {
      etag = await writeETag(op, id, props, "delete", policy(op, props));
      await op.api.remove(id, etag);
      return { result: undefined, etagAfter: undefined };
    } catch (error) {
      if (error instanceof NotFoundError) return { result: undefined, etagAfter: undefined, note: "already gone from CXone" };
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (policy(op, props) !== "overwrite") throw new OutOfBandChangeError(kind.kind, name, id, "delete", etag, error.currentETag);
      const current = await op.api.get(id);
      // A GET's reply always carries an ETag (the client refuses one without it as unusable).
      await op.api.remove(id, current.etag ?? "");
      return { result: undefined, etagAfter: undefined, operation: "overwrite" };
    }
  });
  run.registry.release(urn);
}
