import { isUnknownPlaceholder } from "../validation";
import { changedFieldsOf } from "./field-compare";
import type { AnyObjectKind } from "./object-kind";

type Props = Record<string, unknown>;

const show = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));

/**
 * The field-by-field report of what taking an object over changes: printed by the program's
 * adoption review at preview, and by check() when the object changed since the reviewed preview.
 */

export function adoptionReport(kind: AnyObjectKind, logicalName: string, adoptId: string, server: Props, program: Props): string {
  const comparable = kind.fields.filter((f) => !kind.writeOnlyFields.includes(f));
  const changed = changedFieldsOf(comparable, server, program, kind.setFields).filter((f) => !isUnknownPlaceholder(program[f]));
  const head = `${kind.kind} "${logicalName}" adopts CXone object ${adoptId} ("${String(server.name)}")`;
  if (changed.length === 0) return `${head}: it already equals the program, so adopting it writes nothing.`;
  const lines = changed.map((f) => `    ${f}: ${show(server[f])} => ${show(program[f])}`);
  return `${head}; taking it over changes ${changed.length} field(s):\n${lines.join("\n")}`;
}
