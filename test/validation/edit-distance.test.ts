import { describe, expect, it } from "vitest";
import { closestName } from "../../src/validation";
import { boundedEditDistance } from "../../src/validation/edit-distance";

describe("boundedEditDistance", () => {
  it("computes Levenshtein distance within the limit", () => {
    expect(boundedEditDistance("kitten", "sitting", 5)).toBe(3);
    expect(boundedEditDistance("", "abc", 5)).toBe(3);
    expect(boundedEditDistance("same", "same", 0)).toBe(0);
  });

  it("stops at limit + 1", () => {
    expect(boundedEditDistance("kitten", "sitting", 2)).toBe(3);
    expect(boundedEditDistance("a", "abcdefgh", 3)).toBe(4);
  });
});

describe("closestName", () => {
  it("suggests the nearest candidate when it is a likely typo", () => {
    expect(closestName("overflw", ["vip", "overflow", "general"])).toBe("overflow");
    expect(closestName("genral", ["general", "generic"])).toBe("general");
  });

  it("suggests nothing when every candidate is far", () => {
    expect(closestName("billing", ["vip", "overflow"])).toBeUndefined();
  });
});
