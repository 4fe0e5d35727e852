import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";
import { rule } from "../helpers/rules";

describe("a 2xx whose JSON is cut off", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("GET: UnusableResponseError 'not valid JSON'", async () => {
    f = await malformedFixture();
    f.breakReplies("truncated-json");
    const error = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.problem).toBe("not-json");
    expect(error.message).toContain("not valid JSON");
    expect(error.message).toContain("Fix:");
    expect(error.writeMayHaveApplied).toBe(false);
  });

  it("PUT: marked writeMayHaveApplied with the object id", async () => {
    f = await malformedFixture();
    f.breakReplies("truncated-json", 1);
    const error = (await f.client.rules
      .replace(f.ruleId, rule({ name: "seeded-rule", priority: 6 }), f.etag)
      .catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.writeMayHaveApplied).toBe(true);
    expect(error.objectId).toBe(f.ruleId);
    expect(f.sim.admin.state().rules[0]!.priority).toBe(6);
  });
});
