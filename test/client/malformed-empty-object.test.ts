import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";

describe("a 2xx with `{}`", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("GET: UnusableResponseError listing the missing fields", async () => {
    f = await malformedFixture();
    f.breakReplies("empty-object");
    const error = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.problem).toBe("wrong-shape");
    expect(error.issues).toContainEqual({ path: "id", expected: "string", got: "missing" });
    expect(error.message).toContain("id: expected string, got missing");
    expect(error.message).toMatch(/and \d+ more/);
  });
});
