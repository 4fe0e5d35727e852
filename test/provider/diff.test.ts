import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { UNKNOWN, WEBHOOK_SECRET, secret, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, TARGETS_BY_ID } from "../helpers/rules";

/** What the state holds after a create: the inputs plus server fields. */
function ruleState(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...engineInputs(rule()),
    targets: TARGETS_BY_ID,
    etag: '"etag-1"',
    version: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("diff: compares the program with the state, without calling the API", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  afterEach(() => {
    expect(harness.sim.admin.requests()).toEqual([]);
  });

  it("identical inputs are no change", async () => {
    const result = await routingRuleProvider.diff!("rule-1", ruleState(), engineInputs(rule()));
    expect(result).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const hook = await webhookProvider.diff!("hook-1", { ...webhookInputs(), hasSecret: true, etag: '"e"' }, webhookInputs());
    expect(hook.changes).toBe(false);
  });

  it("reordering targets is no change", async () => {
    const reordered = engineInputs(rule({ targets: [...(engineInputs(rule()).targets as unknown[])].reverse() }));
    expect((await routingRuleProvider.diff!("rule-1", ruleState(), reordered)).changes).toBe(false);
  });

  it("reordering conditions is no change (they are ANDed)", async () => {
    const reordered = engineInputs(rule({ conditions: [...(engineInputs(rule()).conditions as unknown[])].reverse() }));
    expect((await routingRuleProvider.diff!("rule-1", ruleState(), reordered)).changes).toBe(false);
  });

  it("reordering a webhook's eventFilter is no change", async () => {
    const olds = { ...webhookInputs(), eventFilter: ["routing.rule.created", "routing.rule.updated"], hasSecret: true };
    const news = webhookInputs("sync", { eventFilter: ["routing.rule.updated", "routing.rule.created"] });
    expect((await webhookProvider.diff!("hook-1", olds, news)).changes).toBe(false);
  });

  it("a secret-wrapped secret equal to the stored one is no change", async () => {
    const olds = { ...webhookInputs(), secret: secret(WEBHOOK_SECRET), hasSecret: true };
    expect((await webhookProvider.diff!("hook-1", olds, webhookInputs())).changes).toBe(false);
  });

  it("a weight change is an in-place update", async () => {
    const news = engineInputs(
      rule({
        targets: [
          { type: "queue", id: "queue-a", weight: 50, capacity: 10 },
          { type: "queue", id: "queue-b", weight: 50, capacity: 5 },
        ],
      }),
    );
    expect(await routingRuleProvider.diff!("rule-1", ruleState(), news)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("a new adoptId with the same name replaces, deleting first", async () => {
    const result = await routingRuleProvider.diff!("rule-1", ruleState(), engineInputs(rule({ adoptId: "rule-9" })));
    expect(result).toEqual({ changes: true, replaces: ["adoptId"], deleteBeforeReplace: true });
  });

  it("a new adoptId together with a new name replaces, creating first", async () => {
    const result = await routingRuleProvider.diff!("rule-1", ruleState(), engineInputs(rule({ name: "vip-voice-2", adoptId: "rule-9" })));
    expect(result).toEqual({ changes: true, replaces: ["adoptId"], deleteBeforeReplace: false });
  });

  it("the adoptId the resource was adopted with is no change", async () => {
    const result = await routingRuleProvider.diff!("rule-9", ruleState({ adoptId: "rule-9" }), engineInputs(rule({ adoptId: "rule-9" })));
    expect(result.changes).toBe(false);
  });

  it("adding adoptId naming the object already managed is no replace", async () => {
    // Replacing would delete rule-1 first and then have nothing left to adopt.
    const result = await routingRuleProvider.diff!("rule-1", ruleState(), engineInputs(rule({ adoptId: "rule-1" })));
    expect(result).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("removing adoptId is no change: it only matters when the resource is created", async () => {
    const result = await routingRuleProvider.diff!("rule-9", ruleState({ adoptId: "rule-9" }), engineInputs(rule()));
    expect(result.changes).toBe(false);
  });

  it("Pulumi's unknown placeholder counts as a change", async () => {
    const result = await routingRuleProvider.diff!(
      "rule-1",
      ruleState({ fallbackRuleId: "rule-0" }),
      engineInputs(rule({ fallbackRuleId: UNKNOWN })),
    );
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual([]);
  });

  it("an unknown placeholder nested in a list counts as a change", async () => {
    const news = engineInputs(
      rule({
        targets: [
          { type: "queue", id: "queue-a", weight: 60, capacity: 10 },
          { type: "queue", id: UNKNOWN, weight: 40, capacity: 5 },
        ],
      }),
    );
    expect((await routingRuleProvider.diff!("rule-1", ruleState(), news)).changes).toBe(true);
  });

  it("conflictPolicy alone is an update, never a replacement", async () => {
    const result = await routingRuleProvider.diff!("rule-1", ruleState(), engineInputs(rule({ conflictPolicy: "overwrite" })));
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual([]);
  });
});
