import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { ruleInputs, seedRule, startHarness, type Harness } from "../helpers/provider-calls";

describe("check of a new resource: a name taken in the tenant by an unmanaged object fails the preview", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("names the holder's id and the fixes, aliases first", async () => {
    await harness.sim.admin.seed({ rules: [seedRule("vip-voice", { id: "rule-console" })] });
    const result = await routingRuleProvider.check({}, ruleInputs());
    const failure = result.failures?.find((f) => f.property === "name");
    expect(failure?.reason).toContain('the name "vip-voice" is already used in CXone by id rule-console');
    expect(failure?.reason).toContain('aliases: [{ name: "<old logical name>" }]');
    expect(failure?.reason).toContain('adoptId: "rule-console"');
  });

  it("with adoptId, or for an existing resource, the name is not checked", async () => {
    await harness.sim.admin.seed({ rules: [seedRule("vip-voice", { id: "rule-console" })] });
    expect((await routingRuleProvider.check({}, ruleInputs("vip-voice", { adoptId: "rule-console" }))).failures).toBeUndefined();
    expect((await routingRuleProvider.check(ruleInputs(), ruleInputs())).failures).toBeUndefined();
  });
});
