import { describe, expect, it } from "vitest";
import { validateWebhookInputs } from "../../src/validation";

const base = { name: "rule events", targetURL: "https://example.com/hooks/cxone" };

describe("validateWebhookInputs: eventFilter as the API's space-separated string", () => {
  it("is normalised to the same sorted list as the list form", () => {
    const fromString = validateWebhookInputs({ ...base, eventFilter: "routing.rule.updated routing.rule.created" });
    const fromList = validateWebhookInputs({ ...base, eventFilter: ["routing.rule.created", "routing.rule.updated"] });
    expect(fromString).toEqual({
      ok: true,
      value: expect.objectContaining({ eventFilter: ["routing.rule.created", "routing.rule.updated"] }),
    });
    expect(fromString).toEqual(fromList);
  });

  it("accepts a single event and tolerates extra whitespace", () => {
    expect(validateWebhookInputs({ ...base, eventFilter: "routing.rule.deleted" })).toMatchObject({
      ok: true,
      value: { eventFilter: ["routing.rule.deleted"] },
    });
    expect(validateWebhookInputs({ ...base, eventFilter: "  routing.rule.deleted\trouting.rule.created " })).toMatchObject({
      ok: true,
      value: { eventFilter: ["routing.rule.created", "routing.rule.deleted"] },
    });
  });

  it("is validated like the list: unknown names, duplicates and an empty string are refused", () => {
    const unknown = validateWebhookInputs({ ...base, eventFilter: "routing.rule.created routing.rule.renamed" });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.failures).toEqual([
        expect.objectContaining({ property: "eventFilter[1]", reason: expect.stringContaining("routing.rule.renamed") }),
      ]);
    }

    const duplicate = validateWebhookInputs({ ...base, eventFilter: "routing.rule.created routing.rule.created" });
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) expect(duplicate.failures[0]?.reason).toContain("duplicates eventFilter[0]");

    const empty = validateWebhookInputs({ ...base, eventFilter: " " });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.failures[0]?.reason).toContain("must name at least one event");
  });
});
