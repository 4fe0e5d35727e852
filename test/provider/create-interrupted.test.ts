import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentRun, routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs, URN, webhookInputs } from "../helpers/provider-calls";
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
    // The next runner: a new provider host, nothing kept from the first.
    const next = await harness.nextRun();
    const before = harness.apiRequests().length;
    const created = await next.routingRule.create(engineInputs(rule()));
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
    const next = await harness.nextRun();
    const before = harness.apiRequests().length;
    const created = await next.routingRule.create(engineInputs(rule()));
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
    const next = await harness.nextRun();
    const created = await next.routingRule.create(engineInputs(rule()));
    expect(created.id).not.toBe(first.id);
    expect(harness.sim.admin.state().rules.map((r) => r.id)).toEqual([created.id]);
  });

  it("is not taken over when another client made it (no replay): the 409 names the fix", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS })] });
    await expect(routingRuleProvider.create(engineInputs(rule()))).rejects.toThrow(/already used in CXone/);
    expect(harness.sim.admin.state().rules).toHaveLength(1);
  });

  it("is not taken over when another resource of the run holds the replayed object (a URN reused after a rename)", async () => {
    // vip-voice created it, then was renamed (aliases) to vip-voice-2, which holds it now.
    const first = await routingRuleProvider.create(engineInputs(rule()));
    const next = await harness.nextRun();
    await next.routingRule.diff(first.id, { ...first.outs, __urn: `${URN}-2` }, { ...first.outs, __urn: `${URN}-2` });
    const before = harness.apiRequests().length;
    // A new resource under the old URN, the same name: the replay is vip-voice-2's object.
    await expect(next.routingRule.create(engineInputs(rule({ priority: 7 })))).rejects.toThrow(/already used in CXone/);
    expect(writes(before).filter((m) => m !== "POST")).toEqual([]);
    expect(harness.sim.admin.state().rules.map((r) => [r.id, r.priority])).toEqual([[first.id, 10]]);
  });

  it("a webhook with a secret is taken over too (the secret is written with one guarded PUT)", async () => {
    const first = await webhookProvider.create(webhookInputs());
    const next = await harness.nextRun();
    const checked = await next.webhook.check({}, webhookInputs());
    expect(checked.failures ?? []).toEqual([]);
    const before = harness.apiRequests().length;
    const created = await next.webhook.create(webhookInputs());
    expect(created.id).toBe(first.id);
    expect(writes(before)).toEqual(["POST", "PUT"]);
    expect(harness.sim.admin.state().webhooks).toHaveLength(1);
  });
});
