import { OutOfBandChangeError } from "../../errors/out-of-band-change-error";
import { sameFields } from "../../kinds/field-compare";
import type { ConflictPolicy } from "../../settings/settings";
import type { Operation, Props } from "../operations/operation";

/**
 * The ETag a write sends as If-Match. The state's, when it holds one. Without it (a state written
 * by an early version, or edited by hand) the write is never sent unguarded: the object is read,
 * and compared with the last outputs the state holds. Unchanged: the ETag just read guards the
 * write. Changed: someone edited it since Pulumi last saw it, so the write is refused as an
 * out-of-band change (nothing sent), unless the resource opted into `conflictPolicy: "overwrite"`.
 */
export async function writeETag(
  op: Operation,
  id: string,
  olds: Props,
  operation: "update" | "delete",
  /** The resource's conflictPolicy as the program now gives it (update: the new inputs). */
  policy: ConflictPolicy,
): Promise<string> {
  const held = olds.etag;
  if (typeof held === "string" && held !== "") return held;
  const current = await op.api.get(id);
  const comparable = op.kind.fields.filter((f) => !op.kind.writeOnlyFields.includes(f));
  const unchanged = sameFields(comparable, op.kind.fromServer(current.body, op.scope), olds, op.kind.setFields);
  if (!unchanged && policy !== "overwrite") {
    throw new OutOfBandChangeError(op.kind.kind, String(olds.name ?? id), id, operation, undefined, current.etag);
  }
  // A GET's reply always carries an ETag (the client refuses one without it as unusable).
  return current.etag ?? "";
}
