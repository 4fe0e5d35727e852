import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ConflictError, NotFoundError, PreconditionFailedError } from "../../client/errors";
import { ObjectGoneError } from "../../errors/object-gone-error";
import { changedFieldsOf } from "../../kinds/field-compare";
import { audited } from "../audited";
import { collisionError } from "../identity/name-collisions";
import { confirmReplace, mayHaveApplied } from "../write-safety/confirm-write";
import { updateWithNameSwap } from "../write-safety/name-swap";
import { resolveUpdatePrecondition } from "../write-safety/update-precondition";
import { writeETag } from "../write-safety/write-etag";
import { meta, outputs, pick, policy, validated, type Operation, type Props } from "./operation";

/**
 * update(): one PUT guarded by If-Match with the state's ETag (or, when the state holds none, the
 * ETag of a read that shows the object unchanged: write-safety/write-etag.ts). A 412 is resolved
 * by update-precondition.ts, a name held by another resource of the run by name-swap.ts.
 */
export async function update(op: Operation, id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
  const { kind, run } = op;
  const fields = validated(op, news);
  const body = kind.toWire(fields, op.scope);
  const stateETag = olds.etag as string | undefined;
  const changed = changedFieldsOf(kind.fields, olds, news, kind.setFields);
  run.registry.hold(news.__urn, id, { plannedName: body.name });
  // Only provider settings or display fields changed: nothing to send.
  if (changed.length === 0 && (olds.owner ?? null) === (news.owner ?? null)) {
    return { outs: { ...olds, ...meta(news), ...pick(news, kind.displayFields), conflictPolicy: news.conflictPolicy } };
  }
  return audited(
    run,
    { resourceType: kind.kind, operation: "update", urn: news.__urn, resourceId: id, etagBefore: stateETag },
    async () => {
      let etag = stateETag;
      try {
        etag = await writeETag(op, id, olds, "update", policy(op, news));
        const updated = await updateWithNameSwap(run.registry, op.api, id, body, etag, news.__urn, olds.name);
        run.registry.hold(news.__urn, id, { currentName: body.name });
        return { result: { outs: outputs(op, news, updated) }, etagAfter: updated.etag };
      } catch (error) {
        if (mayHaveApplied(error)) {
          // The reply was unusable: the server's object and ETag, read back, go into the state.
          const current = await confirmReplace(op, error, id, body, fields, "update", etag);
          run.registry.hold(news.__urn, id, { currentName: body.name });
          return {
            result: { outs: outputs(op, news, current) },
            etagAfter: current.etag,
            note: "reply unusable; the object was read back and holds the program's values",
          };
        }
        if (error instanceof NotFoundError) throw new ObjectGoneError(kind.kind, body.name, id);
        if (error instanceof ConflictError && error.errorCode === "duplicate_name")
          throw await collisionError(run, kind.kind, op.api, error, body.name, news.__urn);
        if (!(error instanceof PreconditionFailedError)) throw error;
        const { response, ...rest } = await resolveUpdatePrecondition({
          op,
          id,
          body,
          fields,
          stateETag: etag,
          error,
          writeOnlyChanged: changed.some((f) => kind.writeOnlyFields.includes(f)),
          policy: policy(op, news),
        });
        return { result: { outs: outputs(op, news, response) }, etagAfter: response.etag, ...rest };
      }
    },
  );
}
