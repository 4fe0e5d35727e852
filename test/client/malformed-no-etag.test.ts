import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";
import { rule } from "../helpers/rules";

describe("a reply without the ETag header", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("GET, POST and PUT each give UnusableResponseError missing-etag; only the writes may have applied", async () => {
    f = await malformedFixture();
    f.breakReplies("no-etag");
    const get = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as UnusableResponseError;
    const post = (await f.client.rules.create(rule({ name: "no-etag-create" })).catch((e: unknown) => e)) as UnusableResponseError;
    const put = (await f.client.rules
      .replace(f.ruleId, rule({ name: "seeded-rule", priority: 7 }), f.etag)
      .catch((e: unknown) => e)) as UnusableResponseError;
    for (const error of [get, post, put]) {
      expect(error).toBeInstanceOf(UnusableResponseError);
      expect(error.problem).toBe("missing-etag");
      expect(error.message).toContain("If-Match");
    }
    expect([get.writeMayHaveApplied, post.writeMayHaveApplied, put.writeMayHaveApplied]).toEqual([false, true, true]);
  });

  it("a list needs no ETag header", async () => {
    f = await malformedFixture();
    f.breakReplies("no-etag");
    const page = await f.client.rules.list();
    expect(page.body.items).toHaveLength(1);
  });
});
