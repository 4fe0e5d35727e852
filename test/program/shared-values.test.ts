import { describe, expect, it } from "vitest";
import { sharedValues } from "../../src/program/rule-set/shared-values";

describe("rule-set analysis: two rules of the program claiming one name or one adoptId", () => {
  it("names both resources, once", () => {
    const findings = sharedValues([
      { key: "vip", name: "VIP", adoptId: "rule-1" },
      { key: "vip-copy", name: "VIP", adoptId: "rule-1" },
      { key: "general", name: "General", adoptId: undefined },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ key: "vip-copy", field: "name", reason: expect.stringContaining('also the name of RoutingRule "vip"') }),
      expect.objectContaining({
        key: "vip-copy",
        field: "adoptId",
        reason: expect.stringContaining('also the adoptId of RoutingRule "vip"'),
      }),
    ]);
  });
});
