/**
 * What each part of a regex can start with, tested against a fixed sample alphabet (Latin-1 plus a
 * few wider code points): how regex-safety.ts decides that two alternatives or two adjacent
 * repetitions overlap.
 */
import type { CharNode, RegexNode } from "./regex-parse";

export const SAMPLE_ALPHABET: readonly string[] = (() => {
  const chars: string[] = [];
  for (let code = 0; code <= 0x2ff; code++) chars.push(String.fromCharCode(code));
  for (const code of [0x0416, 0x2028, 0x2029, 0x3000, 0x4e2d, 0xd83d, 0xde00, 0xfeff, 0xffff]) {
    chars.push(String.fromCharCode(code));
  }
  return chars;
})();

/** Which sample characters one single-character matcher accepts (memoized by source). */
function sampleMatches(source: string, cache: Map<string, Uint8Array>): Uint8Array {
  const cached = cache.get(source);
  if (cached) return cached;
  const matches = new Uint8Array(SAMPLE_ALPHABET.length);
  let matcher: RegExp | undefined;
  try {
    matcher = new RegExp(`^(?:${source})$`);
  } catch {
    matches.fill(1); // unknown: assume it overlaps with everything
  }
  if (matcher) {
    SAMPLE_ALPHABET.forEach((ch, i) => {
      matches[i] = matcher.test(ch) ? 1 : 0;
    });
  }
  cache.set(source, matches);
  return matches;
}

/** The single-character matchers that can start a match, and whether a match can be empty. */
export interface FirstSet {
  readonly chars: CharNode[];
  /** A backreference can start with any character. */
  readonly anyChar: boolean;
  readonly nullable: boolean;
}

export function firstOfSequence(sequence: readonly RegexNode[]): FirstSet {
  const chars: CharNode[] = [];
  let anyChar = false;
  for (const node of sequence) {
    const first = firstOfNode(node);
    chars.push(...first.chars);
    anyChar ||= first.anyChar;
    if (!first.nullable) return { chars, anyChar, nullable: false };
  }
  return { chars, anyChar, nullable: true };
}

export function firstOfNode(node: RegexNode): FirstSet {
  switch (node.kind) {
    case "char":
      return { chars: [node], anyChar: false, nullable: false };
    case "backreference":
      return { chars: [], anyChar: true, nullable: true };
    case "assertion":
      return { chars: [], anyChar: false, nullable: true };
    case "group": {
      if (node.lookaround) return { chars: [], anyChar: false, nullable: true };
      const firsts = node.alternatives.map(firstOfSequence);
      return {
        chars: firsts.flatMap((first) => first.chars),
        anyChar: firsts.some((first) => first.anyChar),
        nullable: firsts.some((first) => first.nullable),
      };
    }
    case "quantified": {
      const first = firstOfNode(node.body);
      return { ...first, nullable: first.nullable || node.min === 0 };
    }
  }
}

/** The sample characters a first set can start with, as one bitmap (all ones when any character can). */
export function firstSetChars(first: FirstSet, cache: Map<string, Uint8Array>): Uint8Array {
  const chars = new Uint8Array(SAMPLE_ALPHABET.length);
  if (first.anyChar) return chars.fill(1);
  for (const node of first.chars) {
    const matches = sampleMatches(node.source, cache);
    for (let i = 0; i < chars.length; i++) chars[i]! |= matches[i]!;
  }
  return chars;
}

export function bitmapsOverlap(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === 1 && b[i] === 1) return true;
  return false;
}
