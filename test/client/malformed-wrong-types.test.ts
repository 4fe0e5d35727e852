import { afterEach, describe, expect, it } from "vitest";
import { UnusableResponseError } from "../../src/client/index";
import { malformedFixture, type MalformedFixture } from "./malformed-setup";

describe("fields of the wrong type", () => {
  let f: MalformedFixture | undefined;
  afterEach(async () => f?.close());

  const cases = [
    { shape: "priority-string", issue: { path: "priority", expected: "number", got: "string" } },
    { shape: "targets-null", issue: { path: "targets", expected: "array", got: "null" } },
    { shape: "missing-id", issue: { path: "id", expected: "string", got: "missing" } },
  ] as const;

  for (const { shape, issue } of cases) {
    it(`${shape}: GET names the field, expected and received type`, async () => {
      f = await malformedFixture();
      f.breakReplies(shape);
      const error = (await f.client.rules.get(f.ruleId).catch((e: unknown) => e)) as UnusableResponseError;
      expect(error).toBeInstanceOf(UnusableResponseError);
      expect(error.problem).toBe("wrong-shape");
      expect(error.issues).toEqual([issue]);
      expect(error.message).toContain(`${issue.path}: expected ${issue.expected}, got ${issue.got}`);
    });

    it(`${shape}: in a list item the path says which item`, async () => {
      f = await malformedFixture();
      f.breakReplies(shape);
      const error = (await f.client.rules.list().catch((e: unknown) => e)) as UnusableResponseError;
      expect(error.issues.map((i) => i.path)).toEqual([`items[0].${issue.path}`]);
    });
  }
});
