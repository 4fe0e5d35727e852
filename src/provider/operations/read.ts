import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { ApiResponse, CollectionSnapshot } from "../../client";
import { NotFoundError } from "../../client/errors";
import { audited } from "../audited";
import { assertCollectionAnswers } from "../write-safety/collection-check";
import { outputs, serverInputs, type Operation, type Props } from "./operation";

/** The object and the ETag the list gave, when the listing holds the id and carries ETags. */
function listedObject(
  snapshot: CollectionSnapshot<{ id: string }> | undefined,
  id: string,
): Pick<ApiResponse<{ id: string }>, "body" | "etag"> | undefined {
  const entry = snapshot?.carriesETags ? snapshot.items.get(id) : undefined;
  return entry?.etag === undefined ? undefined : { body: entry.object, etag: entry.etag };
}

/**
 * read() (`pulumi refresh`): the server's object as outputs, and as inputs in check()'s shape, so
 * the engine's diff after a refresh shows every field `up` changes back. One paged listing (the
 * client's snapshot: one per run, shared by every read, dropped by any write) answers every read;
 * a GET only when the listing fails or lacks the object.
 */
export async function read(op: Operation, id: string, props: Props): Promise<dynamic.ReadResult> {
  const { run } = op;
  const record = {
    resourceType: op.kind.kind,
    operation: "read" as const,
    urn: props.__urn,
    resourceId: id,
    etagBefore: props.etag as string | undefined,
  };
  return audited(run, record, async () => {
    const snapshot = await op.api.snapshot().catch(() => undefined);
    const listed = listedObject(snapshot, id);
    if (listed) {
      run.registry.hold(props.__urn, id, { currentName: (listed.body as { name?: unknown }).name });
      const result = { id, props: outputs(op, props, listed), inputs: await serverInputs(op, props, listed.body) };
      return { result, etagAfter: listed.etag, note: "read from the collection listing" };
    }
    try {
      const current = await op.api.get(id);
      run.registry.hold(props.__urn, id, { currentName: (current.body as { name?: unknown }).name });
      const result = { id, props: outputs(op, props, current), inputs: await serverInputs(op, props, current.body) };
      return { result, etagAfter: current.etag };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // A wrong collection path also answers 404 (a listing this run already took is the collection's answer).
      if (!snapshot) await assertCollectionAnswers(op.kind.kind, op.api, id);
      // Gone from CXone: an empty id tells the engine to drop it from the state.
      return { result: { id: "", props: {} }, etagAfter: undefined, note: "gone from CXone: dropped from the state" };
    }
  });
}
