/**
 * A small Wadler-style document printer for the TypeScript data the export writes. It lays out
 * object and array literals the way Biome's formatter does (groups that fit stay on one line,
 * trailing commas where a group breaks, a string property that does not fit breaks after the
 * colon), so the generated files are already formatted: `biome format` changes nothing.
 */
export type Doc = string | Doc[] | Group | Indent | Line | IfBreak;

interface Group {
  readonly t: "group";
  readonly doc: Doc;
  readonly brk: boolean;
}
interface Indent {
  readonly t: "indent";
  readonly doc: Doc;
}
interface Line {
  readonly t: "line";
  /** "line": a space when flat; "soft": nothing when flat; "hard": always a newline. */
  readonly kind: "line" | "soft" | "hard";
}
interface IfBreak {
  readonly t: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
}

export const line: Line = { t: "line", kind: "line" };
export const softline: Line = { t: "line", kind: "soft" };
export const hardline: Line = { t: "line", kind: "hard" };

export function indent(doc: Doc): Indent {
  return { t: "indent", doc };
}

export function ifBreak(broken: Doc, flat: Doc = ""): IfBreak {
  return { t: "ifBreak", broken, flat };
}

/** A group breaks when it does not fit, when asked to, or when it holds a hard line break. */
export function group(doc: Doc, brk = false): Group {
  return { t: "group", doc, brk: brk || hasHardline(doc) };
}

function hasHardline(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(hasHardline);
  if (doc.t === "line") return doc.kind === "hard";
  if (doc.t === "group") return doc.brk;
  if (doc.t === "indent") return hasHardline(doc.doc);
  return hasHardline(doc.broken) || hasHardline(doc.flat);
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));
}

type Mode = "flat" | "break";
interface Command {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** Whether `next`, followed by the rest of the current line from `rest`, fits in `width` columns. */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const stack: Command[] = [next];
  let restIndex = rest.length;
  let remaining = width;
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc, indent: ind } = stack.pop()!;
    if (typeof doc === "string") {
      remaining -= doc.length;
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ indent: ind, mode, doc: doc[i]! });
    } else if (doc.t === "indent") {
      stack.push({ indent: ind, mode, doc: doc.doc });
    } else if (doc.t === "group") {
      if (doc.brk && mode === "break") return true;
      stack.push({ indent: ind, mode: doc.brk ? "break" : mode, doc: doc.doc });
    } else if (doc.t === "ifBreak") {
      stack.push({ indent: ind, mode, doc: mode === "break" ? doc.broken : doc.flat });
    } else {
      if (mode === "break" || doc.kind === "hard") return true;
      if (doc.kind === "line") remaining -= 1;
    }
  }
  return false;
}

/** Prints a document with two-space indentation within `width` columns. */
export function printDoc(doc: Doc, width: number): string {
  const out: string[] = [];
  let column = 0;
  const stack: Command[] = [{ indent: 0, mode: "break", doc }];
  while (stack.length > 0) {
    const { indent: ind, mode, doc: d } = stack.pop()!;
    if (typeof d === "string") {
      out.push(d);
      const newline = d.lastIndexOf("\n");
      column = newline < 0 ? column + d.length : d.length - newline - 1;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push({ indent: ind, mode, doc: d[i]! });
    } else if (d.t === "indent") {
      stack.push({ indent: ind + 2, mode, doc: d.doc });
    } else if (d.t === "group") {
      const flat: Command = { indent: ind, mode: "flat", doc: d.doc };
      stack.push(!d.brk && (mode === "flat" || fits(flat, stack, width - column)) ? flat : { indent: ind, mode: "break", doc: d.doc });
    } else if (d.t === "ifBreak") {
      stack.push({ indent: ind, mode, doc: mode === "break" ? d.broken : d.flat });
    } else if (mode === "flat" && d.kind !== "hard") {
      if (d.kind === "line") {
        out.push(" ");
        column += 1;
      }
    } else {
      // No trailing whitespace on the line being ended.
      if (out.length > 0) out[out.length - 1] = out[out.length - 1]!.replace(/[ \t]+$/, "");
      out.push(`\n${" ".repeat(ind)}`);
      column = ind;
    }
  }
  return out.join("");
}
