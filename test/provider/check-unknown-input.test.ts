import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { WEBHOOK_SECRET, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

describe("check: inputs that are not fields of the kind", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("a misspelled input is refused, naming it and the right one", async () => {
    const { priority, ...rest } = engineInputs(rule());
    const result = await routingRuleProvider.check({ __urn: "x" }, { ...rest, prioirty: priority });
    expect(result.failures).toContainEqual({ property: "prioirty", reason: 'is not an input of RoutingRule; did you mean "priority"?' });
  });

  it("a misspelled secret is reported under a hidden name and left out of the inputs", async () => {
    const { secret: _s, ...rest } = webhookInputs();
    const result = await webhookProvider.check({ __urn: "x" }, { ...rest, secrte: WEBHOOK_SECRET });
    expect(result.failures).toContainEqual({
      property: "secrte (value hidden)",
      reason: 'is not an input of Webhook; did you mean "secret"?',
    });
    expect(JSON.stringify(result)).not.toContain(WEBHOOK_SECRET);
  });

  it("no inputs at all is a failure, not a TypeError", async () => {
    const result = await routingRuleProvider.check({}, undefined as never);
    expect(result.failures?.[0]?.reason).toMatch(/needs an object of inputs/);
  });
});
