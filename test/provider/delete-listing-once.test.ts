import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

describe("delete: the outside-dependents check", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("lists the tenant's rules once per run, however many rules the run deletes", async () => {
    const created = [];
    for (const name of ["a-rule", "b-rule", "c-rule"]) created.push(await routingRuleProvider.create(engineInputs(rule({ name: name }))));
    const before = harness.apiRequests().length;
    for (const { id, outs } of created) await routingRuleProvider.delete!(id, outs);
    const calls = harness.apiRequests().slice(before);
    expect(calls.filter((r) => r.method === "GET" && r.template === "/api/v2/routing/interactionroutingrules")).toHaveLength(1);
    expect(calls.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([204, 204, 204]);
    expect(harness.sim.admin.state().rules).toEqual([]);
  });
});
