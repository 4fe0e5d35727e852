import { type Doc, group, hardline, ifBreak, indent, join, line, softline } from "./ts-doc";

/** A string literal as Biome writes it: double quotes unless the text holds more of them than single quotes. */
export function stringLiteral(text: string): string {
  const doubles = (text.match(/"/g) ?? []).length;
  const singles = (text.match(/'/g) ?? []).length;
  const json = JSON.stringify(text);
  if (doubles <= singles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A property of an object literal, or a comment line placed before the next property. */
export type Entry = readonly [key: string, value: Literal] | { readonly comment: string };

/** The literal values the export writes. `expanded` objects keep one property per line. */
export type Literal = string | number | boolean | readonly Literal[] | LiteralObject;

export interface LiteralObject {
  readonly entries: readonly Entry[];
  readonly expanded?: boolean;
}

export function object(entries: readonly Entry[], expanded = false): LiteralObject {
  return { entries, expanded };
}

function isObject(value: Literal): value is LiteralObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function propertyCount(value: Literal): number {
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return value.entries.filter((e) => Array.isArray(e)).length;
  return 0;
}

/** The document of one literal value. */
export function literalDoc(value: Literal): Doc {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return arrayDoc(value as readonly Literal[]);
  return objectDoc(value as LiteralObject);
}

function arrayDoc(items: readonly Literal[]): Doc {
  if (items.length === 0) return "[]";
  // As Prettier and Biome do: a list of several objects (or lists) that each hold more than one
  // element is always one element per line.
  const brk =
    items.length > 1 &&
    items.every((item) => (Array.isArray(item) || isObject(item)) && propertyCount(item) > 1) &&
    items.every((item) => Array.isArray(item) === Array.isArray(items[0]));
  return group(["[", indent([softline, join([",", line], items.map(literalDoc))]), ifBreak(","), softline, "]"], brk);
}

function propertyDoc(key: string, value: Literal): Doc {
  const left = `${propertyKey(key)}:`;
  // A string that does not fit moves to the next line (Biome's break-after-operator layout),
  // except after a short key (up to 4 characters), where Biome keeps it on the key's line.
  if (typeof value === "string" && propertyKey(key).length > 4) return [left, group(indent([line, stringLiteral(value)]))];
  return [left, " ", literalDoc(value)];
}

function objectDoc(value: LiteralObject): Doc {
  // Comments stay on their own line above the property they precede, so they force expansion.
  const expanded = value.expanded === true || value.entries.some((e) => !Array.isArray(e));
  const items: Doc[][] = [];
  let comments: Doc[] = [];
  for (const entry of value.entries) {
    if (!Array.isArray(entry)) {
      comments.push(`// ${(entry as { comment: string }).comment}`, hardline);
      continue;
    }
    const [key, v] = entry as readonly [string, Literal];
    items.push([...comments, propertyDoc(key, v)]);
    comments = [];
  }
  if (items.length === 0) return "{}";
  const separator = expanded ? hardline : line;
  const body = items.flatMap((item, i) => (i === 0 ? [item] : [",", separator, item]));
  return group(["{", indent([separator, ...body, ifBreak(",")]), separator, "}"], expanded);
}
