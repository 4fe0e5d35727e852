import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { WEBHOOK_SECRET, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

describe("read: inputs in check()'s form, so that preview after a refresh shows the drift", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("after an out-of-band edit, the read inputs differ from check() exactly in the edited fields", async () => {
    const program = engineInputs(rule({ conflictPolicy: "fail" }));
    const { inputs: checked } = await routingRuleProvider.check({}, program);
    const { id, outs } = await routingRuleProvider.create(checked!);
    await harness.sim.admin.editRule(id, { priority: 3, conditions: [...(program.conditions as never[])].reverse() });
    const read = await routingRuleProvider.read!(id, outs);
    expect(read.inputs).toEqual({ ...checked, priority: 3 });
    // The engine diffs program against these inputs; the provider agrees that an update is due.
    const diff = await routingRuleProvider.diff!(id, read.props!, checked!);
    expect(diff.changes).toBe(true);
  });

  it("a webhook's read inputs keep the secret from the state, as a Pulumi secret", async () => {
    const { inputs: checked } = await webhookProvider.check({}, webhookInputs());
    const { id, outs } = await webhookProvider.create(checked!);
    const read = await webhookProvider.read!(id, outs);
    expect(read.inputs).toMatchObject({ name: "sync", eventFilter: ["routing.rule.created", "routing.rule.updated"] });
    expect(read.inputs?.secret).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: WEBHOOK_SECRET });
  });

  it("no change in CXone and none in the program: diff says unchanged", async () => {
    const { inputs: checked } = await routingRuleProvider.check({}, engineInputs(rule()));
    const { id, outs } = await routingRuleProvider.create(checked!);
    const read = await routingRuleProvider.read!(id, outs);
    expect(await routingRuleProvider.diff!(id, read.props!, read.inputs!)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
