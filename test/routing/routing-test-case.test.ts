import { describe, expect, it } from "vitest";
import { parseRoutingTestCase } from "../../src/routing";

describe("parseRoutingTestCase", () => {
  it("accepts each expectation kind and defaults attributes to {}", () => {
    expect(parseRoutingTestCase({ name: "n", interaction: { interactionType: "voice" }, expect: { noRule: true } }, "#1")).toEqual({
      name: "n",
      interaction: { interactionType: "voice", attributes: {} },
      expect: { noRule: true },
    });
  });

  it("says what is wrong, naming the case", () => {
    expect(parseRoutingTestCase({ name: "n", interaction: { interactionType: "voice" }, expect: { rule: "a", queue: "b" } }, "#2")).toBe(
      '#2 ("n"): "expect" must have exactly one of rule, queue, target, noRule; got rule, queue',
    );
    expect(parseRoutingTestCase({ name: "n", interaction: {}, expect: { rule: "a" } }, "#3")).toContain('"interaction" must be');
  });
});
