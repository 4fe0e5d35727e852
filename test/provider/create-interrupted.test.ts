import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentRun, routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

/**
 * A run killed after its POST and before the engine's checkpoint leaves an object the state does
 * not hold. The next run starts on a new machine: a new provider process, a new run context, no
 * file of the earlier one. Its create of the same resource must find that object, through the
 * Idempotency-Key CXone replays, and nothing else.
 */
describe("create: the object an interrupted run of this resource created", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  const writes = (from: number) =>
    harness
      .apiRequests()
      .slice(from)
      .filter((r) => r.method !== "GET")
      .map((r) => r.method);

  it("is taken over without a write on a new runner when it equals the inputs, instead of a 409", async () => {
    const first = await routingRuleProvider.create(engineInputs(rule()));
    // The next runner: a new run context (configure), nothing kept from the first.
    await harness.reconfigure();
    const before = harness.apiRequests().length;
    const created = await routingRuleProvider.create(engineInputs(rule()));
    expect(created.id).toBe(first.id);
    expect(created.outs.etag).toBe(harness.sim.admin.state().rules[0]!.etag);
    expect(writes(before)).toEqual(["POST"]);
    expect(harness.sim.admin.state().rules).toHaveLength(1);
  });

  it("is brought to the inputs with one PUT guarded by the ETag just read when it was edited since", async () => {
    const first = await routingRuleProvider.create(engineInputs(rule()));
    const api = currentRun().client().rules;
    const now = await api.get(first.id);
    await api.replace(first.id, { ...now.body, priority: 77 } as never, now.etag!);
    await harness.reconfigure();
    const before = harness.apiRequests().length;
    const created = await routingRuleProvider.create(engineInputs(rule()));
    expect(created.id).toBe(first.id);
    expect(writes(before)).toEqual(["POST", "PUT"]);
    const put = harness
      .apiRequests()
      .slice(before)
      .find((r) => r.method === "PUT");
    expect(put?.ifMatch).toBeTruthy();
    expect(harness.sim.admin.state().rules).toHaveLength(1);
    expect(harness.sim.admin.state().rules[0]!.priority).toBe(engineInputs(rule()).priority);
  });

  it("creates anew when the object the key replays was deleted since (destroy, then up)", async () => {
    const first = await routingRuleProvider.create(engineInputs(rule()));
    await routingRuleProvider.delete(first.id, first.outs);
    await harness.reconfigure();
    const created = await routingRuleProvider.create(engineInputs(rule()));
    expect(created.id).not.toBe(first.id);
    expect(harness.sim.admin.state().rules.map((r) => r.id)).toEqual([created.id]);
  });

  it("is not taken over when another client made it (no replay): the 409 names the fix", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS })] });
    await expect(routingRuleProvider.create(engineInputs(rule()))).rejects.toThrow(/already used in CXone/);
    expect(harness.sim.admin.state().rules).toHaveLength(1);
  });
});
