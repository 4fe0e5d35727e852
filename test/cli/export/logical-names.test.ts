import { describe, expect, it } from "vitest";
import { assignKeys, kebabKey } from "../../../src/cli/export/logical-names";

describe("logical names from CXone names", () => {
  it("are kebab keys that start with a letter", () => {
    expect(kebabKey("VIP Customer Priority Routing", "rule")).toBe("vip-customer-priority-routing");
    expect(kebabKey('VIP "Gold" / Priority #1', "rule")).toBe("vip-gold-priority-1");
    expect(kebabKey("Crème Brûlée", "rule")).toBe("creme-brulee");
    expect(kebabKey("24x7 Support", "rule")).toBe("rule-24x7-support");
    expect(kebabKey("!!!", "rule")).toBe("rule");
    expect(kebabKey(`${"a".repeat(30)} ${"b".repeat(30)}`, "rule")).toBe("a".repeat(30));
  });

  it("are unique and do not depend on the order the API lists the rules in", () => {
    const rules = [
      { id: "2", name: "Sales EMEA" },
      { id: "1", name: "Sales: EMEA" },
      { id: "3", name: "sales emea" },
    ];
    const keys = assignKeys(rules, "rule");
    expect(new Set(keys.values()).size).toBe(3);
    expect(assignKeys([...rules].reverse(), "rule")).toEqual(keys);
    expect(keys.get("2")).toBe("sales-emea");
  });
});
