import { describe, expect, it } from "vitest";
import { findBacktrackingRisk } from "../../src/validation";

describe("findBacktrackingRisk: nested quantifiers", () => {
  it.each(["(a+)+", "(a*)*", "(.*)*", "^(\\w+\\s?)*$", "(?:x+y?)+", "((a+))*", "(a+){2,}", "(a?){30}", "(?<word>\\d+)*"])(
    "flags %s",
    (pattern) => {
      const risk = findBacktrackingRisk(pattern);
      expect(risk?.reason).toMatch(/nested quantifiers/);
    },
  );

  it("names the repeated group and the inner quantifier", () => {
    expect(findBacktrackingRisk("^id-(a+)+$")).toEqual({
      fragment: "(a+)+",
      reason: 'the repeated group "(a+)+" contains the quantifier "a+" (nested quantifiers)',
    });
  });
});

describe("findBacktrackingRisk: overlapping alternation under a quantifier", () => {
  it.each(["(a|a)*", "(a|ab)*", "(\\w|\\d)+", "(.|x)*", "([a-z]|q)+", "(?:x(a|a))+", "(\\d|[0-5])*"])("flags %s", (pattern) => {
    expect(findBacktrackingRisk(pattern)?.reason).toMatch(/overlapping alternation/);
  });

  it("flags an alternative that can match the empty string", () => {
    expect(findBacktrackingRisk("(x|)*")?.reason).toMatch(/can match the empty string/);
    expect(findBacktrackingRisk("(x|y?)+")?.reason).toMatch(/empty string|nested/);
  });
});

describe("findBacktrackingRisk: safe patterns", () => {
  it.each([
    "^vip$",
    "^[A-Z]{2}-\\d+$",
    "(foo|bar)+",
    "(\\d{1,3}\\.){3}\\d{1,3}",
    "^(?:\\+1)?\\d{10}$",
    "(a|b)*c",
    "^(Mr|Mrs|Ms)\\.? [A-Z][a-z]+$",
    "(?=.*\\d)\\w+",
    "\\((a+)\\)",
    "[(a+)+]",
    "x{2}y{3,}",
  ])("accepts %s", (pattern) => {
    expect(findBacktrackingRisk(pattern)).toBeUndefined();
  });

  it("does not throw on odd but valid syntax", () => {
    for (const pattern of ["", "{", "a{", "a{1", "]", "\\", "[]", "[^]", "\\k<x>", "\\1(a)", "(?:)", "a**".slice(0, 2)]) {
      expect(() => findBacktrackingRisk(pattern)).not.toThrow();
    }
  });

  it("treats absurdly deep nesting as risky instead of overflowing", () => {
    const deep = `${"(".repeat(500)}a${")".repeat(500)}`;
    expect(findBacktrackingRisk(deep)?.reason).toMatch(/nested more than/);
  });
});

describe("findBacktrackingRisk: adjacent overlapping quantifiers (polynomial)", () => {
  it.each([
    "^\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*$",
    "^.*.*.*.*.*.*.*.*=$",
    "\\d+\\d+$",
    "^\\d+\\.?\\d*$",
    "a*b?a*",
    "\\w+\\d+",
    "x\\s*\\s+",
    "\\d{0,50}\\d{0,50}",
  ])("flags %s, with a fix", (pattern) => {
    const risk = findBacktrackingRisk(pattern);
    expect(risk?.reason).toMatch(/adjacent overlapping quantifiers/);
    expect(risk?.fix).toMatch(/merge them into one repetition/);
  });

  it.each(["^\\s*\\S+\\s*$", ".*foo.*", "^[a-z]+\\d*$", "\\w+@\\w+\\.\\w+", "\\d{1,3}\\d?", "^\\d+(\\.\\d*)?$", "^vip.*$", "\\d+x\\d+"])(
    "accepts %s",
    (pattern) => {
      expect(findBacktrackingRisk(pattern)).toBeUndefined();
    },
  );

  it("refuses the two patterns that took 13-15 s in Node 22 before they reached CXone", () => {
    for (const pattern of ["^\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*\\d*$", "^.*.*.*.*.*.*.*.*=$"]) {
      expect(findBacktrackingRisk(pattern)?.fragment).toMatch(/^(\\d\*\\d\*|\.\*\.\*)$/);
    }
  });

  it("screens thousands of alternatives or repetitions in linear time", () => {
    const alternatives = `(${Array.from({ length: 5000 }, (_, i) => `k${i}`).join("|")})+`;
    const repetitions = Array.from({ length: 3000 }, (_, i) => `${String.fromCharCode(0x100 + i)}*`).join("");
    const started = performance.now();
    findBacktrackingRisk(alternatives);
    findBacktrackingRisk(repetitions);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
