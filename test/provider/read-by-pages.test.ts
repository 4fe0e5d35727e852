import { afterEach, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { URN, WEBHOOK_URN, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

const RULES = 150;
const COLLECTION = "/api/v2/routing/interactionroutingrules";

async function createRules(count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      routingRuleProvider.create(
        engineInputs(rule({ name: `rule-${i}`, __urn: `${URN}-${i}`, priority: 10 + i, conflictPolicy: "overwrite" })),
      ),
    ),
  );
}

// Issue 16: `pulumi refresh` of N rules reads the collection in pages of 100 instead of one GET each.
describe("read: refresh by pages", () => {
  let harness: Harness;
  afterEach(() => harness.close());

  it(`${RULES} reads cost ceil(${RULES}/100) list calls and no GET, with the same results as before`, async () => {
    harness = await startHarness();
    const created = await createRules(RULES);
    const since = harness.apiRequests().length;
    const results = await Promise.all(created.map(({ id, outs }) => routingRuleProvider.read!(id, outs)));
    const requests = harness.apiRequests().slice(since);
    expect(requests.map((r) => `${r.method} ${r.template}`)).toEqual([`GET ${COLLECTION}`, `GET ${COLLECTION}`]);
    for (const [i, result] of results.entries()) {
      expect(result).toMatchObject({ id: created[i]!.id, props: created[i]!.outs });
      // The drift inputs are what check() gives for the same program: no diff after a refresh.
      const checked = await routingRuleProvider.check(
        {},
        engineInputs(rule({ name: `rule-${i}`, __urn: `${URN}-${i}`, priority: 10 + i, conflictPolicy: "overwrite" })),
      );
      expect(result.inputs).toEqual(checked.inputs);
    }
  });

  it("an out-of-band edit shows in a read from the listing: new ETag and fields", async () => {
    harness = await startHarness();
    const [{ id, outs }] = (await createRules(1)) as [{ id: string; outs: Record<string, unknown> }];
    const edited = await harness.sim.admin.editRule(id, { priority: 3 });
    const since = harness.apiRequests().length;
    const result = await routingRuleProvider.read!(id, outs);
    expect(
      harness
        .apiRequests()
        .slice(since)
        .map((r) => r.template),
    ).toEqual([COLLECTION]);
    expect(result.props).toMatchObject({ etag: edited.etag, priority: 3, version: edited.version, updatedAt: edited.updatedAt });
    expect(result.inputs).toMatchObject({ priority: 3 });
  });

  it("without list ETags every read is a GET, as before", async () => {
    harness = await startHarness({}, { listETags: false });
    const created = await createRules(3);
    const since = harness.apiRequests().length;
    const results = await Promise.all(created.map(({ id, outs }) => routingRuleProvider.read!(id, outs)));
    const templates = harness
      .apiRequests()
      .slice(since)
      .map((r) => r.template);
    expect(templates.filter((t) => t === `${COLLECTION}/{id}`)).toHaveLength(3);
    expect(templates.filter((t) => t === COLLECTION)).toHaveLength(1);
    for (const [i, result] of results.entries()) expect(result).toMatchObject({ id: created[i]!.id, props: created[i]!.outs });
  });

  it("an id the listing does not hold is a GET: found when it exists, dropped (no extra list) when it does not", async () => {
    harness = await startHarness();
    const [first] = await createRules(1);
    // Take the listing, then a rule appears that it does not hold (created by another client).
    await routingRuleProvider.read!(first!.id, first!.outs);
    const [late] = await harness.sim.admin
      .seed({
        rules: [{ name: "late", priority: 5, enabled: true, interactionType: "chat", conditions: [], targets: [] }],
      })
      .then((state) => state.rules.filter((r) => r.name === "late"));
    const since = harness.apiRequests().length;
    const found = await routingRuleProvider.read!(late!.id, { __urn: `${URN}-late` });
    expect(found.id).toBe(late!.id);
    expect(found.props?.etag).toBe(late!.etag);
    expect(await routingRuleProvider.read!("no-such-rule", { __urn: `${URN}-gone` })).toEqual({ id: "", props: {} });
    expect(
      harness
        .apiRequests()
        .slice(since)
        .map((r) => `${r.method} ${r.template} ${r.status}`),
    ).toEqual([`GET ${COLLECTION}/{id} 200`, `GET ${COLLECTION}/{id} 404`]);
  });

  it("a write through the provider discards the listing: the next read lists again", async () => {
    harness = await startHarness();
    const [a, b] = await createRules(2);
    await routingRuleProvider.read!(a!.id, a!.outs);
    const updated = await routingRuleProvider.update!(a!.id, a!.outs, { ...a!.outs, priority: 99 });
    const since = harness.apiRequests().length;
    const result = await routingRuleProvider.read!(a!.id, updated.outs!);
    expect(result.props).toMatchObject({ priority: 99, etag: updated.outs!.etag });
    await routingRuleProvider.read!(b!.id, b!.outs);
    expect(
      harness
        .apiRequests()
        .slice(since)
        .map((r) => r.template),
    ).toEqual([COLLECTION]);
  });

  it("webhooks read from their listing too, keeping the write-only secret from the state", async () => {
    harness = await startHarness();
    const { id, outs } = await webhookProvider.create(webhookInputs());
    const since = harness.apiRequests().length;
    const result = await webhookProvider.read!(id, outs);
    expect(
      harness
        .apiRequests()
        .slice(since)
        .map((r) => r.template),
    ).toEqual(["/api/v2/webhooks"]);
    expect(result).toMatchObject({ id, props: { ...outs, __urn: WEBHOOK_URN } });
  });
});
