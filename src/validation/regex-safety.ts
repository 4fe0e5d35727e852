/**
 * Static screening of `matchesRegex` patterns for catastrophic backtracking.
 *
 * JavaScript's (and CXone's) backtracking engines take exponential time when one input can be
 * matched in exponentially many ways. That happens when something repeated can itself match
 * in several ways, and the two shapes that cause nearly all real cases are:
 *
 * 1. Nested quantifiers: a repeated group containing a variable quantifier, e.g. `(a+)+`,
 *    `(a*)*`, `(.*)*`, `(\w+\s?)*`. An input of n characters can be split between the inner
 *    and the outer repetition in ~2^n ways, and a failing match tries them all.
 * 2. Overlapping alternation under a quantifier, e.g. `(a|a)*`, `(a|ab)*`, `(\w|\d)+`,
 *    `(x|)*`: when two alternatives can start with the same character (or one can match
 *    nothing), every repetition doubles the ways to match.
 *
 * 3. Adjacent overlapping quantifiers (polynomial): `\d*\d*`, `.*.*=`, `\w+\d+`, `a+a?a+`: two
 *    long repetitions in a row (only optional parts between them) that can match the same
 *    characters split an input of n characters in ~n ways each, so k of them cost ~n^k steps, and
 *    an unanchored search one factor of n more. `^\d*\d*\d*\d*\d*\d*\d*\d*\d*\d*$` takes
 *    over 10 s on 30 digits and a letter in Node 22. Short bounded repetitions (`\d{1,3}\d?`) are
 *    accepted.
 *
 * The check parses the pattern into a small syntax tree and looks for exactly these shapes.
 * It is a heuristic: it errs on the side of flagging (`(\w+\.)+` is flagged although the dot
 * happens to make it safe). One
 * relaxation keeps common safe patterns usable: a bounded repetition of a bounded quantifier
 * (`(\d{1,3}\.){3}`) is accepted when the number of ways it can split an input is small
 * (see {@link boundedNestingIsSmall}); `(a?){30}` is still rejected.
 *
 * Character overlap between alternatives is decided by testing each alternative's possible
 * first characters against a fixed sample alphabet (Latin-1 plus a few wider code points),
 * which is exact for literals, escapes like `\d`, and most character classes.
 */

import { type GroupNode, MAX_GROUP_DEPTH, parsePattern, type QuantifiedNode, type RegexNode, TooDeeplyNested } from "./regex-parse";
import { bitmapsOverlap, firstOfNode, firstOfSequence, firstSetChars, SAMPLE_ALPHABET } from "./regex-first-sets";

/** Why a pattern is considered prone to catastrophic backtracking. */
export interface BacktrackingRisk {
  /** The part of the pattern that causes the problem, e.g. `(a+)+`. */
  readonly fragment: string;
  /** A sentence explaining the problem. */
  readonly reason: string;
  /** How to rewrite the pattern, when the shape has a standard fix. */
  readonly fix?: string;
}

function isVariable(node: QuantifiedNode): boolean {
  return node.min !== node.max;
}

function isBounded(node: QuantifiedNode): boolean {
  return node.max !== Infinity;
}

/** Quantifiers inside `node` (not `node` itself), outermost first. */
function innerQuantifiers(node: RegexNode): QuantifiedNode[] {
  const found: QuantifiedNode[] = [];
  const visit = (current: RegexNode): void => {
    if (current.kind === "quantified") {
      found.push(current);
      visit(current.body);
    } else if (current.kind === "group") {
      for (const alternative of current.alternatives) alternative.forEach(visit);
    }
  };
  if (node.kind === "quantified") visit(node.body);
  else visit(node);
  return found;
}

/** Above this many ways to split one input, a bounded nesting like `(a?){30}` counts as risky. */
const MAX_BOUNDED_SPLITS = 1000;

/**
 * A bounded repetition of a bounded quantifier can split an input in at most
 * (inner range) ^ (outer maximum) ways: small for `(\d{1,3}\.){3}` (27), huge for `(a?){30}`.
 */
function boundedNestingIsSmall(outer: QuantifiedNode, inner: QuantifiedNode): boolean {
  if (!isBounded(outer) || !isBounded(inner)) return false;
  return (inner.max - inner.min + 1) ** outer.max <= MAX_BOUNDED_SPLITS;
}

function nestedQuantifierRisk(node: QuantifiedNode): BacktrackingRisk | undefined {
  if (node.max <= 1) return undefined;
  const inner = innerQuantifiers(node).find((candidate) => isVariable(candidate) && !boundedNestingIsSmall(node, candidate));
  if (!inner) return undefined;
  return {
    fragment: node.source,
    reason: `the repeated group "${node.source}" contains the quantifier "${inner.source}" (nested quantifiers)`,
  };
}

function alternationRisk(group: GroupNode, cache: Map<string, Uint8Array>): BacktrackingRisk | undefined {
  if (group.lookaround || group.alternatives.length < 2) return undefined;
  const firsts = group.alternatives.map(firstOfSequence);
  const render = (index: number): string => group.alternatives[index]!.map((n) => n.source).join("");
  const empty = firsts.findIndex((first) => first.nullable);
  if (empty !== -1) {
    return {
      fragment: group.source,
      reason: `the alternative "${render(empty)}" in the repeated group "${group.source}" can match the empty string`,
    };
  }
  // One pass with the union of the earlier alternatives' first characters (linear in the number
  // of alternatives: a pattern with thousands of them must not take quadratic time to screen).
  const seen = new Uint8Array(SAMPLE_ALPHABET.length);
  const bitmaps: Uint8Array[] = [];
  for (let j = 0; j < firsts.length; j++) {
    const bitmap = firstSetChars(firsts[j]!, cache);
    if (bitmapsOverlap(seen, bitmap)) {
      const i = bitmaps.findIndex((earlier) => bitmapsOverlap(earlier, bitmap));
      return {
        fragment: group.source,
        reason: `the alternatives "${render(i)}" and "${render(j)}" in the repeated group "${group.source}" can start with the same character (overlapping alternation)`,
      };
    }
    bitmaps.push(bitmap);
    for (let k = 0; k < seen.length; k++) seen[k]! |= bitmap[k]!;
  }
  return undefined;
}

/** A repetition long enough to split an input in many ways: unbounded, or a range over this. */
const MAX_SHORT_RANGE = 10;

function isLongRepetition(node: RegexNode): boolean {
  return node.kind === "quantified" && node.max - node.min > MAX_SHORT_RANGE;
}

/**
 * Two long repetitions in one sequence, with only parts that can match nothing between them,
 * whose bodies can match the same character (shape 3 at the top of this module).
 */
function adjacentRepetitionRisk(sequence: readonly RegexNode[], cache: Map<string, Uint8Array>): BacktrackingRisk | undefined {
  // The long repetitions since the last part that must consume a character, with their characters.
  let run: { index: number; node: QuantifiedNode; chars: Uint8Array }[] = [];
  let union = new Uint8Array(SAMPLE_ALPHABET.length);
  for (let j = 0; j < sequence.length; j++) {
    const next = sequence[j]!;
    if (next.kind === "quantified" && isLongRepetition(next)) {
      const chars = firstSetChars(firstOfNode(next.body), cache);
      if (bitmapsOverlap(union, chars)) {
        const first = run.find((earlier) => bitmapsOverlap(earlier.chars, chars))!;
        const fragment = sequence
          .slice(first.index, j + 1)
          .map((n) => n.source)
          .join("");
        return {
          fragment,
          reason:
            `the repetitions "${first.node.source}" and "${next.source}" in "${fragment}" follow each other and can match the same characters ` +
            "(adjacent overlapping quantifiers: the time to reject an input grows with a power of its length)",
          fix: `merge them into one repetition (e.g. "${first.node.source}" instead of "${first.node.source}${next.source}"), or make the parts unable to match the same characters (e.g. "\\d+(\\.\\d*)?" instead of "\\d+\\.?\\d*")`,
        };
      }
      run.push({ index: j, node: next, chars });
      for (let k = 0; k < union.length; k++) union[k]! |= chars[k]!;
    }
    // Anything that must consume a character (or a short bounded repetition) separates them.
    const separates = !firstOfNode(next).nullable || (next.kind === "quantified" && !isLongRepetition(next) && next.max > 1);
    if (separates) {
      run = [];
      union = new Uint8Array(SAMPLE_ALPHABET.length);
      if (next.kind === "quantified" && isLongRepetition(next)) {
        // A repetition that must match once (x+) still starts the next run.
        run.push({ index: j, node: next, chars: firstSetChars(firstOfNode(next.body), cache) });
        union.set(run[0]!.chars);
      }
    }
  }
  return undefined;
}

/**
 * Looks for the shapes of catastrophic backtracking described at the top of this module.
 *
 * @param pattern - a regular expression source, as given to `new RegExp(pattern)`.
 * @returns the first risky construct found, or `undefined` when the pattern looks safe.
 */
export function findBacktrackingRisk(pattern: string): BacktrackingRisk | undefined {
  // Rules repeat patterns (thousands of conditions, preview and up, every rule of a stack).
  if (SCREENED.has(pattern)) return SCREENED.get(pattern);
  const risk = screen(pattern);
  if (SCREENED.size >= MAX_SCREENED) SCREENED.delete(SCREENED.keys().next().value as string);
  SCREENED.set(pattern, risk);
  return risk;
}

const SCREENED = new Map<string, BacktrackingRisk | undefined>();
const MAX_SCREENED = 2000;

function screen(pattern: string): BacktrackingRisk | undefined {
  let tree: RegexNode[][];
  try {
    tree = parsePattern(pattern);
  } catch (error) {
    if (error instanceof TooDeeplyNested) {
      return { fragment: pattern, reason: `groups are nested more than ${MAX_GROUP_DEPTH} levels deep` };
    }
    throw error;
  }
  const cache = new Map<string, Uint8Array>();
  let risk: BacktrackingRisk | undefined;

  const visitSequence = (sequence: readonly RegexNode[], underRepetition: boolean): void => {
    for (const child of sequence) visit(child, underRepetition);
    risk ??= adjacentRepetitionRisk(sequence, cache);
  };
  const visit = (node: RegexNode, underRepetition: boolean): void => {
    if (risk) return;
    if (node.kind === "quantified") {
      risk = nestedQuantifierRisk(node);
      visit(node.body, underRepetition || node.max > 1);
    } else if (node.kind === "group") {
      if (underRepetition) risk = alternationRisk(node, cache);
      for (const alternative of node.alternatives) visitSequence(alternative, underRepetition);
    }
  };
  for (const alternative of tree) visitSequence(alternative, false);
  return risk;
}
