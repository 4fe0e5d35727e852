import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, isUnknownPlaceholder } from "../../src/validation";

describe("isUnknownPlaceholder", () => {
  it("recognizes Pulumi's unknown sentinel", () => {
    expect(UNKNOWN_PLACEHOLDER).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
    expect(isUnknownPlaceholder("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(true);
  });

  it("treats every other value as known", () => {
    for (const value of ["", "rule-1", "04DA6B54-80E4-46F7-96EC-B56FF0331BA9", undefined, null, 0, {}]) {
      expect(isUnknownPlaceholder(value)).toBe(false);
    }
  });
});
