import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

describe("check of a new resource: a name taken in the tenant by an unmanaged object fails the preview", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("names the holder's id and the fixes, aliases first", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS, id: "rule-console" })] });
    const result = await routingRuleProvider.check({}, engineInputs(rule()));
    const failure = result.failures?.find((f) => f.property === "name");
    expect(failure?.reason).toContain('the name "vip-voice" is already used in CXone by id rule-console');
    expect(failure?.reason).toContain('aliases: [{ name: "<old logical name>" }]');
    expect(failure?.reason).toContain('adoptId: "rule-console"');
  });

  it("with adoptId, or for an existing resource, the name is not checked", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS, id: "rule-console" })] });
    expect((await routingRuleProvider.check({}, engineInputs(rule({ adoptId: "rule-console" })))).failures).toBeUndefined();
    expect((await routingRuleProvider.check(engineInputs(rule()), engineInputs(rule()))).failures).toBeUndefined();
  });
});
