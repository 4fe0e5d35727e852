import type { ApiResponse, ResourcesApi } from "../../client";
import { createdBy, type CreateHistory } from "./create-journal";
import { equalsProgram } from "../../kinds/field-compare";
import type { ObjectKind } from "../../kinds/object-kind";

type Props = Record<string, unknown>;

/**
 * The object an interrupted run's create of this resource left in CXone (found by its name; the
 * create journal says this resource created it), brought to the program's inputs: no write
 * when it already equals them, else one PUT guarded by the ETag just read. Undefined when no
 * object holds the name, or the one holding it is not this resource's.
 */
export async function recoverInterruptedCreate<F extends Props, W extends { name: string }, S extends { id: string }>(
  kind: ObjectKind<F, W, S>,
  api: ResourcesApi<W, S>,
  body: W,
  fields: Props,
  history: CreateHistory,
): Promise<ApiResponse<S> | undefined> {
  const existing = await api.findByName(body.name);
  if (!existing || !createdBy(history, existing.body.id)) return undefined;
  if (equalsProgram(kind, kind.fromServer(existing.body), fields)) return existing;
  const updated = await api.replace(existing.body.id, body, existing.etag ?? "");
  return { ...updated, attempts: existing.attempts + updated.attempts };
}
