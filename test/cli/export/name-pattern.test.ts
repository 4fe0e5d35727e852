import { describe, expect, it } from "vitest";
import { namePattern } from "../../../src/cli/export/name-pattern";

describe("name patterns of the export filters", () => {
  it("match globs on the whole name, case-insensitively, and /regex/ anywhere", () => {
    expect(namePattern("VIP*")("vip customer routing")).toBe(true);
    expect(namePattern("VIP*")("Not VIP")).toBe(false);
    expect(namePattern("Sales ?MEA")("Sales EMEA")).toBe(true);
    expect(namePattern("a.b")("aXb")).toBe(false);
    expect(namePattern("/EMEA$/")("Sales EMEA")).toBe(true);
    expect(namePattern("/^emea/i")("EMEA billing")).toBe(true);
  });
});
