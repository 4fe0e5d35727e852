import { afterEach, describe, expect, it } from "vitest";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";

describe("fields the contract does not know", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("are ignored: GET and list succeed", async () => {
    f = await malformedFixture();
    f.breakReplies("unknown-field");
    const rule = await f.client.rules.get(f.ruleId);
    expect(rule.body.id).toBe(f.ruleId);
    const page = await f.client.rules.list();
    expect(page.body.items[0]!.id).toBe(f.ruleId);
  });
});
