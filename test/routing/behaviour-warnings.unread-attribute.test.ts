import { describe, expect, it } from "vitest";
import { unreadCaseAttributes } from "../../src/routing";
import { rule } from "./fixtures";

describe("unreadCaseAttributes", () => {
  it("warns about a case attribute no rule reads and suggests the near field", () => {
    const rules = [rule("vip", { conditions: [{ field: "customerSegment", operator: "equals", value: "vip" }] })];
    const findings = unreadCaseAttributes(rules, [
      {
        name: "typo",
        interaction: { interactionType: "voice", attributes: { customerSegmnt: "vip", customerSegment: "vip" } },
        expect: { rule: "vip" },
      },
    ]);
    expect(findings).toEqual([
      {
        key: "typo",
        field: "interaction.attributes.customerSegmnt",
        code: "unread_attribute",
        reason: 'no rule reads the attribute "customerSegmnt", so it cannot steer this case; did you mean "customerSegment"?',
      },
    ]);
  });
});
