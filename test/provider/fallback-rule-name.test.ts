import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { ruleInputs, seedRule, startHarness, type Harness } from "../helpers/provider-calls";

describe("fallbackRuleName: display-only input next to fallbackRuleId", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("check() fills it from the tenant for a raw fallbackRuleId, never sends it, and shows a fallback change with both names", async () => {
    await harness.sim.admin.seed({ rules: [seedRule("VIP", { id: "rule-vip" }), seedRule("General", { id: "rule-general" })] });
    const first = await routingRuleProvider.check({}, ruleInputs("vip-voice", { fallbackRuleId: "rule-vip" }));
    expect(first.inputs).toMatchObject({ fallbackRuleId: "rule-vip", fallbackRuleName: "VIP" });
    const { id, outs } = await routingRuleProvider.create(first.inputs!);
    expect(outs.fallbackRuleName).toBe("VIP");
    expect(JSON.stringify(harness.sim.admin.state().rules)).not.toContain("fallbackRuleName");
    const second = await routingRuleProvider.check(first.inputs!, ruleInputs("vip-voice", { fallbackRuleId: "rule-general" }));
    expect(second.inputs).toMatchObject({ fallbackRuleId: "rule-general", fallbackRuleName: "General" });
    expect((await routingRuleProvider.diff!(id, outs, second.inputs!)).changes).toBe(true);
  });

  it("a name given by the program (a `fallback` reference) is kept, and a name change alone is no update", async () => {
    await harness.sim.admin.seed({ rules: [seedRule("VIP", { id: "rule-vip" })] });
    const { inputs } = await routingRuleProvider.check(
      {},
      ruleInputs("vip-voice", { fallbackRuleId: "rule-vip", fallbackRuleName: "VIP" }),
    );
    const { id, outs } = await routingRuleProvider.create(inputs!);
    expect((await routingRuleProvider.diff!(id, outs, { ...inputs, fallbackRuleName: "VIP renamed" })).changes).toBe(false);
  });
});
