import { afterEach, describe, expect, it } from "vitest";
import { ServerError } from "../../src/client/index";
import { malformedFixture, RULES, type MalformedFixture } from "./malformed-setup";
import { rule } from "../helpers/rules";

describe("a 502 with a gateway's HTML page", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("GET is retried, then one ServerError that names the request and does not quote the page", async () => {
    f = await malformedFixture();
    f.breakReplies("html-502");
    const error = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain(`GET ${RULES}/${f.ruleId}`);
    expect(error.message).toContain("an HTML page");
    expect(error.message).not.toContain("<html>");
  });

  it("POST answered 502 after it was applied: the retry finds the object, no duplicate", async () => {
    f = await malformedFixture();
    f.breakReplies("html-502", 1);
    const created = await f.client.rules.create(rule({ name: "created-behind-a-502" }));
    expect(created.body.name).toBe("created-behind-a-502");
    expect(created.etag).toBeTruthy();
    expect(f.sim.admin.state().rules.filter((r) => r.name === "created-behind-a-502")).toHaveLength(1);
  });
});
