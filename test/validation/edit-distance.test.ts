import { describe, expect, it } from "vitest";
import { closestName } from "../../src/validation";
import { boundedEditDistance, closestChoice, transpositionDistance } from "../../src/validation/edit-distance";

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

describe("closestChoice", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(transpositionDistance("vioce", "voice")).toBe(1);
    expect(boundedEditDistance("vioce", "voice", 5)).toBe(2);
    expect(transpositionDistance("kitten", "sitting")).toBe(3);
  });

  it("names the nearest allowed value of a small vocabulary", () => {
    const types = ["voice", "chat", "email", "sms", "social", "workitem"];
    expect(closestChoice("vioce", types)).toBe("voice");
    expect(closestChoice("VOICE", types)).toBe("voice");
    expect(closestChoice("cht", types)).toBe("chat");
    expect(closestChoice("routing.rule.create", ["routing.rule.created", "routing.rule.deleted"])).toBe("routing.rule.created");
  });

  it("names nothing when every value is far", () => {
    expect(closestChoice("fax", ["voice", "chat", "email", "sms", "social", "workitem"])).toBeUndefined();
    expect(closestChoice("force", ["fail", "overwrite"])).toBeUndefined();
  });
});
