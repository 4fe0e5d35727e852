import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "../../src/client/index";
import { routingRuleProvider } from "../../src/provider/runtime";
import { URN, startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS, TARGETS_BY_ID } from "../helpers/rules";

describe("create: a new routing rule in CXone", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("returns the server's id and outputs with the ETag and server fields", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule({ description: "rule vip-voice" })));
    const [stored] = harness.sim.admin.state().rules;
    expect(stored?.id).toBe(id);
    expect(outs).toEqual({
      __urn: URN,
      ...rule({ description: "rule vip-voice" }),
      targets: TARGETS_BY_ID,
      version: stored?.version,
      createdAt: stored?.createdAt,
      updatedAt: stored?.updatedAt,
      etag: stored?.etag,
    });
    expect(outs.etag).toMatch(/^".+"$/);
  });

  it("sends exactly one POST", async () => {
    await routingRuleProvider.create(engineInputs(rule()));
    expect(harness.apiRequests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 201"]);
  });

  it("records a successful create with the new id in the audit log", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const lines = readFileSync(harness.auditFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      stack: "dev",
      urn: URN,
      resourceType: "RoutingRule",
      operation: "create",
      resourceId: id,
      status: "success",
      etagAfter: outs.etag,
      attempts: 1,
      successCount: 1,
      totalCount: 1,
    });
  });
});

describe("create: a name that already exists in CXone", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("is a ConflictError that suggests adoptId with the existing id", async () => {
    const { rules } = await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS, id: "existing-rule-7" })] });
    const error = await routingRuleProvider.create(engineInputs(rule())).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.errorCode).toBe("duplicate_name");
    expect(conflict.status).toBe(409);
    expect(conflict.message).toContain('adoptId: "existing-rule-7"');
    expect(conflict.message).toContain('the name "vip-voice" is already used in CXone by id existing-rule-7');
    // A rename inside the stack is the likelier cause: aliases comes before adoptId.
    expect(conflict.message.indexOf("aliases: [{ name:")).toBeLessThan(conflict.message.indexOf("adoptId:"));
    expect(conflict.message).toContain("pulumi stack --show-urns");
    // Nothing was created or changed.
    expect(harness.sim.admin.state().rules).toEqual(rules);
  });

  it("records the failure in the audit log", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS })] });
    await expect(routingRuleProvider.create(engineInputs(rule()))).rejects.toBeInstanceOf(ConflictError);
    const [line] = readFileSync(harness.auditFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({ operation: "create", status: "failure", errorCode: "conflict", successCount: 0, totalCount: 1 });
  });
});
