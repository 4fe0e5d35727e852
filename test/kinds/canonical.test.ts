import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalSet } from "../../src/kinds/canonical";

describe("canonical JSON: equal values print the same", () => {
  it("sorts object keys at every depth and leaves out undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[{"x":1,"y":2}]},"b":1}');
  });

  it("keeps list order", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("canonicalSet ignores list order but not the items' contents", () => {
    const a = [
      { id: "x", weight: 60 },
      { weight: 40, id: "y" },
    ];
    const b = [
      { id: "y", weight: 40 },
      { id: "x", weight: 60 },
    ];
    expect(canonicalSet(a)).toBe(canonicalSet(b));
    expect(canonicalSet(a)).not.toBe(
      canonicalSet([
        { id: "x", weight: 50 },
        { id: "y", weight: 50 },
      ]),
    );
  });

  it("canonicalSet of a non-list is its canonical JSON", () => {
    expect(canonicalSet(undefined)).toBe(canonicalJson(undefined));
    expect(canonicalSet("text")).toBe('"text"');
  });
});
