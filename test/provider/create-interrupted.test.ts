import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { beginCreate } from "../../src/provider/write-safety/create-journal";
import { routingRuleProvider } from "../../src/provider/runtime";
import { ruleInputs, seedRule, startHarness, URN, type Harness } from "../helpers/provider-calls";

describe("create: the object an interrupted run of this resource created", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("is taken over without a write when it equals the inputs, instead of a 409", async () => {
    // The killed run: its create answered (the journal's "end" names the id), but the engine was
    // killed before it recorded the result in the state.
    const first = await routingRuleProvider.create(ruleInputs());
    const before = harness.apiRequests().length;
    const created = await routingRuleProvider.create(ruleInputs());
    expect(created.id).toBe(first.id);
    expect(
      harness
        .apiRequests()
        .slice(before)
        .filter((r) => r.method !== "GET")
        .map((r) => r.method),
    ).toEqual(["POST"]);
    expect(harness.sim.admin.state().rules).toHaveLength(1);
  });

  it("is brought to the inputs with one PUT when it differs", async () => {
    const { rules } = await harness.sim.admin.seed({ rules: [seedRule("vip-voice", { priority: 77 })] });
    beginCreate(URN, "vip-voice");
    const created = await routingRuleProvider.create(ruleInputs());
    expect(created.id).toBe(rules[0]!.id);
    expect(harness.sim.admin.state().rules).toHaveLength(1);
    expect(harness.sim.admin.state().rules[0]!.priority).toBe(ruleInputs().priority);
  });

  it("is not taken over when no run of this resource began creating it", async () => {
    await harness.sim.admin.seed({ rules: [seedRule("vip-voice")] });
    await expect(routingRuleProvider.create(ruleInputs())).rejects.toThrow(/already used in CXone/);
  });
});
