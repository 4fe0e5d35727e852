import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";
import { rule } from "../helpers/rules";

describe("a 2xx with an empty body where an object is expected", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  it("POST: UnusableResponseError empty-body, the create may have applied", async () => {
    f = await malformedFixture();
    f.breakReplies("empty-body", 1);
    const error = (await f.client.rules.create(rule({ name: "empty-reply" })).catch((e: unknown) => e)) as UnusableResponseError;
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect(error.problem).toBe("empty-body");
    expect(error.status).toBe(201);
    expect(error.writeMayHaveApplied).toBe(true);
    expect(error.objectName).toBe("empty-reply");
  });

  it("GET list: UnusableResponseError too", async () => {
    f = await malformedFixture();
    f.breakReplies("empty-body");
    const error = (await f.client.rules.list().catch((e: unknown) => e)) as UnusableResponseError;
    expect(error.problem).toBe("empty-body");
    expect(error.writeMayHaveApplied).toBe(false);
  });
});
