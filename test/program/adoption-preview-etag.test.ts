import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdoptionError } from "../../src/errors/adoption-error";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

describe("create with adoptId: no unreviewed write", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("an object identical to the program is adopted without a PUT", async () => {
    const { inputs } = await routingRuleProvider.check({}, engineInputs(rule()));
    const { id, outs } = await routingRuleProvider.create(inputs!);
    const { rules } = harness.sim.admin.state();
    harness.sim.admin.requests().length = 0;
    const before = harness.apiRequests().filter((r) => r.method === "PUT").length;
    const adopted = await routingRuleProvider.create({ ...inputs, __urn: "urn:pulumi:dev::p::t::other", adoptId: id });
    expect(adopted.outs.etag).toBe(outs.etag);
    expect(harness.apiRequests().filter((r) => r.method === "PUT").length).toBe(before);
    expect(harness.sim.admin.state().rules).toEqual(rules);
  });

  it("an object changed since preview read it is refused before any write", async () => {
    const [seeded] = (await harness.sim.admin.seed({ rules: [seedRule({ name: "console-rule", ...CONSOLE_FIELDS, id: "rule-c" })] })).rules;
    await harness.sim.admin.editRule("rule-c", { priority: 77 });
    const error = await routingRuleProvider.create(engineInputs(rule({ adoptId: "rule-c", adoptEtag: seeded!.etag }))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdoptionError);
    expect((error as Error).message).toContain("changed in CXone since the reviewed preview read it");
    expect((error as Error).message).toContain("Run `pulumi preview` to review what adopting it changes now");
    expect(harness.apiRequests().some((r) => r.method === "PUT")).toBe(false);
  });

  it("the adoption PUT carries the ETag preview read as If-Match", async () => {
    const [seeded] = (await harness.sim.admin.seed({ rules: [seedRule({ name: "console-rule", ...CONSOLE_FIELDS, id: "rule-c" })] })).rules;
    await routingRuleProvider.create(engineInputs(rule({ adoptId: "rule-c", adoptEtag: seeded!.etag })));
    expect(harness.apiRequests().find((r) => r.method === "PUT")?.ifMatch).toBe(seeded!.etag);
  });
});
