import { describe, expect, it } from "vitest";
import { analyzeRuleSet, formatFindings } from "../../src/validation";
import { analyzable, distinctPriorities } from "./fixtures";

describe("formatFindings", () => {
  it("names resource, field and reason, one finding a line", () => {
    const { errors } = analyzeRuleSet(
      distinctPriorities([
        analyzable("vip", { fallback: "overflow" }),
        analyzable("overflow", { fallback: "general" }),
        analyzable("general", { fallback: "vip" }),
        analyzable("billing", { fallback: "overflw" }),
      ]),
    );
    expect(formatFindings(errors)).toBe(
      [
        'RoutingRule "vip" fallback: fallback cycle vip -> overflow -> general -> vip',
        'RoutingRule "billing" fallback: fallback "overflw" names no routing rule in this program; did you mean "overflow"?',
      ].join("\n"),
    );
  });

  it("is empty for no findings", () => {
    expect(formatFindings([])).toBe("");
  });
});
