import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdoptionError } from "../../src/errors/adoption-error";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

describe("create with adoptId: takes over an existing rule", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("creates nothing new and returns the adopted id with the program's fields", async () => {
    const { rules } = await harness.sim.admin.seed({
      rules: [
        seedRule({ name: "console-rule", ...CONSOLE_FIELDS, id: "rule-from-console" }),
        seedRule({ name: "other", ...CONSOLE_FIELDS }),
      ],
    });
    const seeded = rules[0]!;
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule({ adoptId: "rule-from-console" })));

    expect(id).toBe("rule-from-console");
    const state = harness.sim.admin.state().rules;
    expect(state).toHaveLength(rules.length);
    const adopted = state.find((rule) => rule.id === id);
    expect(adopted).toMatchObject({ name: "vip-voice", priority: 10, interactionType: "voice" });
    expect(outs).toMatchObject({ adoptId: "rule-from-console", name: "vip-voice", etag: adopted?.etag });

    // Read, then a PUT guarded by the ETag just read: no POST.
    const requests = harness.apiRequests();
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "PUT 200"]);
    expect(requests[1]?.ifMatch).toBe(seeded.etag);

    const audit = JSON.parse(readFileSync(harness.auditFile, "utf8").trim()) as Record<string, unknown>;
    expect(audit).toMatchObject({ operation: "adopt", status: "success", resourceId: id, etagAfter: adopted?.etag });
  });

  it("an adoptId that does not exist is an AdoptionError and creates nothing", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "other", ...CONSOLE_FIELDS })] });
    const error = await routingRuleProvider.create(engineInputs(rule({ adoptId: "no-such-rule" }))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdoptionError);
    expect((error as AdoptionError).code).toBe("adoption_failed");
    expect((error as Error).message).toContain('adoptId "no-such-rule"');
    expect(harness.sim.admin.state().rules).toHaveLength(1);
    expect(harness.apiRequests().some((r) => r.method !== "GET")).toBe(false);
  });
});
