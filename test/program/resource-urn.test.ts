import { describe, expect, it } from "vitest";
import { childUrnPrefix } from "../../src/program/resource-urn";

describe("the URN prefix of a child, as the engine builds it", () => {
  it("a component's child carries the component's type chain", () => {
    expect(childUrnPrefix("urn:pulumi:dev::proj::acme:routing:QueueRouting::billing")).toBe(
      "urn:pulumi:dev::proj::acme:routing:QueueRouting$",
    );
    expect(childUrnPrefix("urn:pulumi:dev::proj::acme:A$acme:B::inner")).toBe("urn:pulumi:dev::proj::acme:A$acme:B$");
  });

  it("a child of the root stack has no parent type", () => {
    expect(childUrnPrefix("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev")).toBe("urn:pulumi:dev::proj::");
  });
});
