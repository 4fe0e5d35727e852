import { hideUrlCredentials } from "../client/url-credentials";
import { isUnknownPlaceholder } from "../validation";
import { changedFieldsOf } from "./field-compare";
import type { AnyObjectKind } from "./object-kind";

type Props = Record<string, unknown>;

// A URL's credentials never show (CI logs are read by many).
const show = (value: unknown) => (value === undefined ? "(unset)" : hideUrlCredentials(JSON.stringify(value)));

/**
 * The field-by-field report of what taking an object over changes: printed by the program's
 * adoption review at preview, and by check() when the object changed since the reviewed preview.
 */

export function adoptionReport(
  kind: AnyObjectKind,
  logicalName: string,
  adoptId: string,
  server: Props,
  program: Props,
  /** Inputs the program marked secret: named as changed, their values never shown. */
  secretFields: readonly string[] = [],
): string {
  const comparable = kind.fields.filter((f) => !kind.writeOnlyFields.includes(f));
  const changed = changedFieldsOf(comparable, server, program, kind.setFields).filter((f) => !isUnknownPlaceholder(program[f]));
  const shownName = secretFields.includes("name") ? "[secret]" : String(server.name);
  const head = `${kind.kind} "${logicalName}" adopts CXone object ${adoptId} ("${shownName}")`;
  if (changed.length === 0) return `${head}: it already equals the program, so adopting it writes nothing.`;
  const lines = changed.map((f) =>
    secretFields.includes(f) ? `    ${f}: [secret] => [secret]` : `    ${f}: ${show(server[f])} => ${show(program[f])}`,
  );
  return `${head}; taking it over changes ${changed.length} field(s):\n${lines.join("\n")}`;
}
