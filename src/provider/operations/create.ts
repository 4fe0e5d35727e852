import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ConflictError } from "../../client/errors";
import { adoptObject } from "../adoption";
import { audited } from "../audited";
import { collisionError } from "../identity/name-collisions";
import { confirmCreate, mayHaveApplied } from "../write-safety/confirm-write";
import { createWithKey } from "../write-safety/interrupted-create";
import { outputs, validated, type Operation, type Props } from "./operation";

const TAKEN_OVER = "taken over: created by an interrupted run of this resource (CXone replayed its Idempotency-Key)";

/** create(): adopts the object `adoptId` names, or creates one (taking over an interrupted run's). */
export async function create(op: Operation, inputs: Props): Promise<dynamic.CreateResult> {
  const { kind, run } = op;
  const fields = validated(op, inputs);
  const body = kind.toWire(fields, op.scope);
  const urn = inputs.__urn;
  const adoptId = typeof inputs.adoptId === "string" ? inputs.adoptId : undefined;
  const record = {
    resourceType: kind.kind,
    urn,
    resourceId: adoptId,
    etagBefore: adoptId ? (inputs.adoptEtag as string | undefined) : undefined,
  };
  if (adoptId) {
    return audited(run, { ...record, operation: "adopt" }, async () => {
      const adopted = await adoptObject(op, adoptId, inputs, fields, body);
      run.registry.hold(urn, adoptId, { currentName: body.name, plannedName: body.name });
      return { result: { id: adopted.response.body.id, outs: outputs(op, inputs, adopted.response) }, etagAfter: adopted.response.etag };
    });
  }
  return audited(run, { ...record, operation: "create" }, async () => {
    let note: string | undefined;
    const created = await createWithKey(op, urn, body, fields)
      .then((keyed) => {
        if (keyed.takenOver) note = keyed.updated ? `${TAKEN_OVER}; brought to the program's values` : TAKEN_OVER;
        return keyed.response;
      })
      .catch(async (error: unknown) => {
        if (mayHaveApplied(error)) {
          // The reply was unusable: find out by name what the server holds. On failure the next
          // up's create (same Idempotency-Key) is answered with what did land.
          note = "reply unusable; the created object was read back by name and holds the program's values";
          return confirmCreate(op, error, body, fields);
        }
        if (error instanceof ConflictError && error.errorCode === "duplicate_name")
          throw await collisionError(run, kind.kind, op.api, error, body.name, urn);
        throw error;
      });
    run.registry.hold(urn, created.body.id, { currentName: body.name, plannedName: body.name });
    return {
      result: { id: created.body.id, outs: outputs(op, inputs, created) },
      etagAfter: created.etag,
      resourceId: created.body.id,
      ...(note ? { note } : {}),
    };
  });
}
