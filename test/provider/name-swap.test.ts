import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

const URN_A = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/cxone:RoutingRule::alpha";
const URN_B = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/cxone:RoutingRule::beta";

describe("update: two rules of the run swap their names", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("both updates succeed in parallel, through a temporary name", async () => {
    const a = await routingRuleProvider.create({ ...engineInputs(rule({ name: "Alpha" })), __urn: URN_A });
    const b = await routingRuleProvider.create({ ...engineInputs(rule({ name: "Beta" })), __urn: URN_B });
    const nextA = { ...engineInputs(rule({ name: "Beta" })), __urn: URN_A };
    const nextB = { ...engineInputs(rule({ name: "Alpha" })), __urn: URN_B };
    // The engine diffs every resource before it updates any.
    await routingRuleProvider.diff(a.id, a.outs, nextA);
    await routingRuleProvider.diff(b.id, b.outs, nextB);
    await Promise.all([routingRuleProvider.update(a.id, a.outs, nextA), routingRuleProvider.update(b.id, b.outs, nextB)]);
    const names = Object.fromEntries(harness.sim.admin.state().rules.map((r) => [r.id, r.name]));
    expect(names).toEqual({ [a.id]: "Beta", [b.id]: "Alpha" });
  });
});
