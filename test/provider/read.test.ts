import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getClient } from "../../src/client/index";
import { routingRuleProvider } from "../../src/provider/runtime";
import { URN, startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

describe("read: refresh takes the server's version into the state", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("without changes in CXone, read returns the state as it was", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule({ conflictPolicy: "overwrite" })));
    const result = await routingRuleProvider.read!(id, outs);
    expect(result).toMatchObject({ id, props: outs });
    // The inputs are what check() gives for the same program: no diff after a refresh.
    const checked = await routingRuleProvider.check({}, engineInputs(rule({ conflictPolicy: "overwrite" })));
    expect(result.inputs).toEqual(checked.inputs);
  });

  it("after an out-of-band edit, read returns the new ETag and fields", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const edited = await harness.sim.admin.editRule(id, {
      priority: 3,
      targets: [{ type: "agent", id: "agent-42", weight: 100, capacity: 1 }],
    });
    const result = await routingRuleProvider.read!(id, outs);
    expect(result.id).toBe(id);
    expect(result.props?.etag).toBe(edited.etag);
    expect(result.props?.etag).not.toBe(outs.etag);
    expect(result.props).toMatchObject({
      __urn: URN,
      priority: 3,
      targets: [{ type: "agent", id: "agent-42", weight: 100, capacity: 1 }],
      version: edited.version,
      updatedAt: edited.updatedAt,
    });
  });

  it('a rule deleted in CXone reads as id "" so the engine drops it', async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const [stored] = harness.sim.admin.state().rules;
    // Deleted through the API by somebody else.
    await getClient({
      baseUrl: harness.sim.url,
      clientId: "sim-client",
      clientSecret: "sim-secret",
      rateLimitPerMinute: false,
    }).rules.remove(id, stored!.etag);
    expect(harness.sim.admin.state().rules).toEqual([]);
    expect(await routingRuleProvider.read!(id, outs)).toEqual({ id: "", props: {} });
  });

  it('a read of an id that never existed is also id ""', async () => {
    expect(await routingRuleProvider.read!("no-such-rule", { __urn: URN })).toEqual({ id: "", props: {} });
  });
});
