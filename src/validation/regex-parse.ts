/**
 * A small parser of JavaScript regular expressions, just detailed enough for the backtracking
 * screen in regex-safety.ts: characters, classes, groups, alternatives and quantifiers.
 */

export type RegexNode = CharNode | BackreferenceNode | AssertionNode | GroupNode | QuantifiedNode;

/** Something that matches exactly one character: a literal, `.`, an escape or a class. */
export interface CharNode {
  readonly kind: "char";
  readonly source: string;
}

export interface BackreferenceNode {
  readonly kind: "backreference";
  readonly source: string;
}

/** Zero-width: `^`, `$`, `\b`, `\B`. */
export interface AssertionNode {
  readonly kind: "assertion";
  readonly source: string;
}

export interface GroupNode {
  readonly kind: "group";
  readonly source: string;
  readonly alternatives: RegexNode[][];
  /** Lookarounds are zero-width, so they contribute no first characters. */
  readonly lookaround: boolean;
}

export interface QuantifiedNode {
  readonly kind: "quantified";
  readonly source: string;
  readonly body: RegexNode;
  readonly min: number;
  readonly max: number;
}

/** Deeper nesting than this is treated as risky instead of being parsed further. */
export const MAX_GROUP_DEPTH = 100;

/** Thrown by parsePattern past MAX_GROUP_DEPTH (internal control flow, never reaches users). */
export class TooDeeplyNested {}

/**
 * Parses a pattern that already compiled with `new RegExp(pattern)` (no flags, Annex B syntax).
 * Patterns that did not compile may produce a meaningless tree, never an exception.
 */
export function parsePattern(pattern: string): RegexNode[][] {
  let position = 0;

  const parseAlternatives = (depth: number): RegexNode[][] => {
    if (depth > MAX_GROUP_DEPTH) throw new TooDeeplyNested();
    const alternatives: RegexNode[][] = [[]];
    while (position < pattern.length) {
      const ch = pattern[position];
      if (ch === ")") break;
      if (ch === "|") {
        position++;
        alternatives.push([]);
        continue;
      }
      const start = position;
      const atom = parseAtom(depth);
      const quantified = parseQuantifier(atom, start);
      alternatives[alternatives.length - 1]!.push(quantified);
    }
    return alternatives;
  };

  const parseAtom = (depth: number): RegexNode => {
    const start = position;
    const ch = pattern[position];
    if (ch === "^" || ch === "$") {
      position++;
      return { kind: "assertion", source: ch };
    }
    if (ch === "(") return parseGroup(depth);
    if (ch === "[") {
      position = endOfClass(pattern, position);
      return { kind: "char", source: pattern.slice(start, position) };
    }
    if (ch === "\\") return parseEscape();
    position++;
    return { kind: "char", source: ch ?? "" };
  };

  const parseGroup = (depth: number): GroupNode => {
    const start = position;
    position++; // "("
    let lookaround = false;
    if (pattern[position] === "?") {
      const rest = pattern.slice(position);
      if (rest.startsWith("?=") || rest.startsWith("?!")) {
        lookaround = true;
        position += 2;
      } else if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
        lookaround = true;
        position += 3;
      } else if (rest.startsWith("?<")) {
        const close = pattern.indexOf(">", position);
        position = close === -1 ? pattern.length : close + 1;
      } else {
        // "(?:" and modifier groups such as "(?i:": skip up to and including the colon.
        const colon = pattern.indexOf(":", position);
        position = colon === -1 ? pattern.length : colon + 1;
      }
    }
    const alternatives = parseAlternatives(depth + 1);
    if (pattern[position] === ")") position++;
    return { kind: "group", source: pattern.slice(start, position), alternatives, lookaround };
  };

  const parseEscape = (): RegexNode => {
    const start = position;
    const next = pattern[position + 1] ?? "";
    position += 2;
    if (next === "b" || next === "B") return { kind: "assertion", source: `\\${next}` };
    if (/[1-9]/.test(next)) {
      while (/[0-9]/.test(pattern[position] ?? "")) position++;
      return { kind: "backreference", source: pattern.slice(start, position) };
    }
    if (next === "k" && pattern[position] === "<") {
      const close = pattern.indexOf(">", position);
      position = close === -1 ? pattern.length : close + 1;
      return { kind: "backreference", source: pattern.slice(start, position) };
    }
    if (next === "x" && /^[0-9a-fA-F]{2}/.test(pattern.slice(position))) position += 2;
    else if (next === "u" && /^[0-9a-fA-F]{4}/.test(pattern.slice(position))) position += 4;
    else if (next === "c" && /^[a-zA-Z]/.test(pattern.slice(position))) position += 1;
    else if (next === "0") while (/[0-7]/.test(pattern[position] ?? "") && position - start < 4) position++;
    return { kind: "char", source: pattern.slice(start, position) };
  };

  const parseQuantifier = (atom: RegexNode, start: number): RegexNode => {
    const rest = pattern.slice(position);
    let min: number;
    let max: number;
    let length: number;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (rest.startsWith("*")) [min, max, length] = [0, Infinity, 1];
    else if (rest.startsWith("+")) [min, max, length] = [1, Infinity, 1];
    else if (rest.startsWith("?")) [min, max, length] = [0, 1, 1];
    else if (braces) {
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === "" ? Infinity : Number(braces[3]);
      length = braces[0].length;
    } else return atom;
    position += length;
    if (pattern[position] === "?") position++; // lazy quantifiers backtrack just as much
    return { kind: "quantified", source: pattern.slice(start, position), body: atom, min, max };
  };

  // A stray ")" cannot occur in a compiled pattern; anything after one is ignored.
  return parseAlternatives(0);
}

/** Index just past the `]` that closes the class starting at `start`. */
function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  while (i < pattern.length) {
    if (pattern[i] === "\\") i += 2;
    else if (pattern[i] === "]") return i + 1;
    else i++;
  }
  return pattern.length;
}
