import { DependentRuleError } from "../../src/errors/dependent-rule-error";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutOfBandChangeError } from "../../src/errors/out-of-band-change-error";
import { routingRuleProvider } from "../../src/provider/runtime";
import { URN, startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

function lastAuditLine(harness: Harness): Record<string, unknown> {
  return JSON.parse(readFileSync(harness.auditFile, "utf8").trim().split("\n").at(-1)!) as Record<string, unknown>;
}

describe("delete: routing rules", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("deletes with If-Match set to the state's ETag", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await routingRuleProvider.delete!(id, outs);
    expect(harness.sim.admin.state().rules).toEqual([]);
    const removal = harness.apiRequests().at(-1);
    expect(removal).toMatchObject({ method: "DELETE", status: 204, ifMatch: outs.etag });
    expect(lastAuditLine(harness)).toMatchObject({ operation: "delete", status: "success", resourceId: id, etagBefore: outs.etag });
  });

  it("a rule that is already gone counts as deleted (404 is fine)", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await routingRuleProvider.delete!(id, outs);
    await expect(routingRuleProvider.delete!(id, outs)).resolves.toBeUndefined();
    expect(harness.apiRequests().at(-1)).toMatchObject({ method: "DELETE", status: 404 });
    expect(lastAuditLine(harness)).toMatchObject({ operation: "delete", status: "success" });
  });

  it("a rule edited outside Pulumi is not deleted", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const edited = await harness.sim.admin.editRule(id, { enabled: false });
    const error = await routingRuleProvider.delete!(id, outs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutOfBandChangeError);
    expect((error as Error).message).toContain("the delete was refused");
    expect((error as Error).message).toContain(edited.etag);
    expect(harness.sim.admin.state().rules).toEqual([edited]);
  });

  it('conflictPolicy "overwrite" in the state deletes it anyway', async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule({ conflictPolicy: "overwrite" })));
    await harness.sim.admin.editRule(id, { enabled: false });
    await routingRuleProvider.delete!(id, outs);
    expect(harness.sim.admin.state().rules).toEqual([]);
    expect(lastAuditLine(harness)).toMatchObject({ operation: "overwrite", status: "success", urn: URN });
  });

  it("a rule that a rule outside the stack falls back to is not deleted: one error naming it, nothing sent", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await harness.sim.admin.seed({
      rules: [
        {
          name: "uses-fallback",
          priority: 20,
          enabled: true,
          interactionType: "voice",
          conditions: [],
          targets: [{ type: "queue", id: "queue-z", weight: 100, capacity: 1 }],
          fallbackRuleId: id,
        },
      ],
    });
    const error = await routingRuleProvider.delete!(id, outs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DependentRuleError);
    expect((error as DependentRuleError).code).toBe("dependent_rule");
    const outside = harness.sim.admin.state().rules.find((r) => r.name === "uses-fallback")!;
    expect((error as Error).message).toContain(`"uses-fallback" (id ${outside.id})`);
    expect((error as Error).message).toContain("nothing was sent");
    expect((error as Error).stack).toBe((error as Error).message);
    expect(harness.apiRequests().some((r) => r.method === "DELETE")).toBe(false);
    expect(harness.sim.admin.state().rules).toHaveLength(2);
  });
});
