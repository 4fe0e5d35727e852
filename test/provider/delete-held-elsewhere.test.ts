import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { URN, startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

const NEW_URN = URN.replace(/::vip-voice$/, "::vip-voice-renamed");

describe("delete: an id that another resource of the run holds is dropped from the state only", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("rename plus adoptId: the old URN's delete sends nothing and leaves an audit record", async () => {
    const { inputs } = await routingRuleProvider.check({}, engineInputs(rule()));
    const { id, outs } = await routingRuleProvider.create(inputs!);
    // The renamed resource takes the object over, as the 409 message allows.
    await routingRuleProvider.create({ ...inputs, __urn: NEW_URN, adoptId: id });
    const before = harness.apiRequests().length;
    await routingRuleProvider.delete!(id, outs);
    expect(harness.apiRequests().length).toBe(before);
    expect(harness.sim.admin.state().rules.map((r) => r.id)).toEqual([id]);
    const last = JSON.parse(readFileSync(harness.auditFile, "utf8").trim().split("\n").at(-1)!);
    expect(last).toMatchObject({ operation: "forget", resourceId: id, urn: URN });
    expect(last.note).toContain(NEW_URN);
  });
});
