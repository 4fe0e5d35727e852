import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, RULES, type MalformedFixture } from "./malformed-setup";
import { rule } from "../helpers/rules";

describe("a 200 with an HTML page (login portal, proxy)", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("GET: UnusableResponseError naming the request and baseUrl; nothing may have been written", async () => {
    f = await malformedFixture();
    f.breakReplies("html-200");
    const error = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.problem).toBe("not-json");
    expect(error.message).toContain(`GET ${RULES}/${f.ruleId}`);
    expect(error.message).toContain("HTML page");
    expect(error.message).toContain("baseUrl");
    expect(error.message).not.toContain("<form>");
    expect(error.writeMayHaveApplied).toBe(false);
  });

  it("POST: the create happened, the error says so and names the object", async () => {
    f = await malformedFixture();
    f.breakReplies("html-200", 1);
    const error = (await f.client.rules.create(rule({ name: "made-but-unseen" })).catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.writeMayHaveApplied).toBe(true);
    expect(error.objectName).toBe("made-but-unseen");
    expect(error.message).toContain("may have been applied");
    expect(f.sim.admin.state().rules.map((r) => r.name)).toContain("made-but-unseen");
  });
});
