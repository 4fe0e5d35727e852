import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

describe("fallbackRuleName: display-only input next to fallbackRuleId", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("check() fills it from the tenant for a raw fallbackRuleId, never sends it, and shows a fallback change with both names", async () => {
    await harness.sim.admin.seed({
      rules: [
        seedRule({ name: "VIP", ...CONSOLE_FIELDS, id: "rule-vip" }),
        seedRule({ name: "General", ...CONSOLE_FIELDS, id: "rule-general" }),
      ],
    });
    const first = await routingRuleProvider.check({}, engineInputs(rule({ fallbackRuleId: "rule-vip" })));
    expect(first.inputs).toMatchObject({ fallbackRuleId: "rule-vip", fallbackRuleName: "VIP" });
    const { id, outs } = await routingRuleProvider.create(first.inputs!);
    expect(outs.fallbackRuleName).toBe("VIP");
    expect(JSON.stringify(harness.sim.admin.state().rules)).not.toContain("fallbackRuleName");
    const second = await routingRuleProvider.check(first.inputs!, engineInputs(rule({ fallbackRuleId: "rule-general" })));
    expect(second.inputs).toMatchObject({ fallbackRuleId: "rule-general", fallbackRuleName: "General" });
    expect((await routingRuleProvider.diff!(id, outs, second.inputs!)).changes).toBe(true);
  });

  it("a name given by the program (a `fallback` reference) is kept, and a name change alone is no update", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "VIP", ...CONSOLE_FIELDS, id: "rule-vip" })] });
    const { inputs } = await routingRuleProvider.check({}, engineInputs(rule({ fallbackRuleId: "rule-vip", fallbackRuleName: "VIP" })));
    const { id, outs } = await routingRuleProvider.create(inputs!);
    expect((await routingRuleProvider.diff!(id, outs, { ...inputs, fallbackRuleName: "VIP renamed" })).changes).toBe(false);
  });
});
