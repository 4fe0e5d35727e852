import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { secret, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

/** check, then create, then the diff the next preview would compute: it must be empty. */
async function diffAfterCreate(provider: typeof routingRuleProvider, inputs: Record<string, unknown>) {
  const checked = await provider.check({}, inputs);
  expect(checked.failures).toBeUndefined();
  const { id, outs } = await provider.create(checked.inputs);
  const again = await provider.check(outs, inputs);
  const afterCreate = await provider.diff(id, outs, again.inputs);
  const refreshed = await provider.read(id, outs);
  const afterRefresh = await provider.diff(id, refreshed.props ?? {}, again.inputs);
  return { afterCreate, afterRefresh };
}

const noChange = { changes: false, replaces: [], deleteBeforeReplace: false };

describe("round trip: what create and read store compares equal to the program", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("a full routing rule", async () => {
    await harness.sim.admin.seed({
      rules: [
        {
          id: "fallback-1",
          name: "fallback",
          priority: 9000,
          enabled: true,
          interactionType: "voice",
          conditions: [],
          targets: [{ type: "queue", id: "queue-z", weight: 100, capacity: 1 }],
        },
      ],
    });
    const inputs = engineInputs(
      rule({
        name: "full",
        conditions: [
          { field: "customerSegment", operator: "equals", value: "vip", conditionGroupId: "g1" },
          { field: "waitSeconds", operator: "greaterThan", value: 30 },
        ],
        fallbackRuleId: "fallback-1",
      }),
    );
    expect(await diffAfterCreate(routingRuleProvider, inputs)).toEqual({ afterCreate: noChange, afterRefresh: noChange });
  });

  it("a routing rule without a description", async () => {
    const { description: _description, ...inputs } = engineInputs(rule({ name: "no-description" }));
    expect(await diffAfterCreate(routingRuleProvider, inputs)).toEqual({ afterCreate: noChange, afterRefresh: noChange });
  });

  it("a routing rule with an empty description", async () => {
    expect(await diffAfterCreate(routingRuleProvider, engineInputs(rule({ name: "empty-description", description: "" })))).toEqual({
      afterCreate: noChange,
      afterRefresh: noChange,
    });
  });

  it("a webhook with a secret", async () => {
    const inputs = webhookInputs("hook-round-trip", { secret: secret("round-trip-signing-secret") });
    expect(await diffAfterCreate(webhookProvider, inputs)).toEqual({ afterCreate: noChange, afterRefresh: noChange });
  });
});
