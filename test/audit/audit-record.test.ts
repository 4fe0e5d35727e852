import { validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { auditId, stackFromUrn } from "../../src/audit/index";

const URN = "urn:pulumi:prod::cxone-routing::pulumi-nodejs:dynamic/cxone:RoutingRule::vip";

describe("auditId: deterministic uuid v5 per operation", () => {
  it("the same inputs always give the same uuid v5", () => {
    const id = auditId("prod", URN, "update", '"1"', '"2"');
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(5);
    expect(auditId("prod", URN, "update", '"1"', '"2"')).toBe(id);
  });

  it("a different ETag gives a different id", () => {
    const id = auditId("prod", URN, "update", '"1"', '"2"');
    expect(auditId("prod", URN, "update", '"1"', '"3"')).not.toBe(id);
    expect(auditId("prod", URN, "update", '"0"', '"2"')).not.toBe(id);
  });

  it("stack, URN and operation are all part of the identity", () => {
    const id = auditId("prod", URN, "update", '"1"', '"2"');
    expect(auditId("dev", URN, "update", '"1"', '"2"')).not.toBe(id);
    expect(auditId("prod", `${URN}-2`, "update", '"1"', '"2"')).not.toBe(id);
    expect(auditId("prod", URN, "overwrite", '"1"', '"2"')).not.toBe(id);
  });

  it("a missing ETag is not confused with its neighbour", () => {
    expect(auditId("prod", URN, "read", undefined, '"1"')).not.toBe(auditId("prod", URN, "read", '"1"', undefined));
  });
});

describe("stackFromUrn", () => {
  it("takes the stack out of a Pulumi URN", () => {
    expect(stackFromUrn(URN)).toBe("prod");
  });

  it('is "unknown" for anything else', () => {
    expect(stackFromUrn("unknown")).toBe("unknown");
    expect(stackFromUrn("")).toBe("unknown");
  });
});
