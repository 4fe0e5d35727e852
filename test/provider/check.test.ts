import type * as dynamic from "@pulumi/pulumi/dynamic";
import { beforeEach, describe, expect, it } from "vitest";
import { configure as configureProvider } from "../../src/provider/runtime";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { URN, WEBHOOK_SECRET, secret, webhookInputs, engineInputs } from "../helpers/provider-calls";
import { rule, TARGETS_BY_ID } from "../helpers/rules";

// check never talks to the API; the address only has to be well-formed.
async function configure(extra: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    "cxone:baseUrl": "http://127.0.0.1:9",
    "cxone:clientId": "sim-client",
    "cxone:clientSecret": "sim-secret",
    "cxone:auditLog": "off",
    ...extra,
  };
  await configureProvider({ config: { get: (key: string) => values[key] } } as unknown as dynamic.ConfigureRequest);
}

function properties(failures: readonly dynamic.CheckFailure[] | undefined): string[] {
  return (failures ?? []).map((failure) => failure.property);
}

describe("check: valid routing rule inputs come back normalized", () => {
  beforeEach(() => configure());

  it("sorts targets, fills defaults, keeps meta inputs and drops output placeholders", async () => {
    const { enabled: _enabled, ...withoutEnabled } = engineInputs(rule({ description: "rule vip-voice" }));
    const result = await routingRuleProvider.check(
      {},
      {
        ...withoutEnabled,
        conflictPolicy: "overwrite",
        adoptId: "rule-123",
        etag: undefined,
        version: undefined,
        __provider: "serialized-provider",
      },
    );
    expect(result.failures).toBeUndefined();
    expect(result.inputs).toEqual({
      __urn: URN,
      conflictPolicy: "overwrite",
      adoptId: "rule-123",
      // enabled was left out of the inputs: check fills in true.
      ...rule({ description: "rule vip-voice", enabled: true }),
      targets: TARGETS_BY_ID,
    });
  });

  it("accepts secret-wrapped values and returns them unwrapped", async () => {
    const result = await routingRuleProvider.check({}, engineInputs(rule({ description: secret("hidden note") })));
    expect(result.failures).toBeUndefined();
    expect(result.inputs.description).toBe("hidden note");
  });
});

describe("check: invalid routing rule inputs report every failure with its property path", () => {
  beforeEach(() => configure());

  it("reports field failures at once, with paths into lists", async () => {
    const result = await routingRuleProvider.check(
      {},
      engineInputs(
        rule({
          priority: 0,
          interactionType: "fax",
          conditions: [{ field: "customerSegment", operator: "resembles", value: "vip" }],
          targets: [
            { type: "queue", id: "queue-a", weight: 60, capacity: 10 },
            { type: "queue", id: "queue-b", weight: 140, capacity: 5 },
          ],
        }),
      ),
    );
    expect(properties(result.failures)).toEqual(
      expect.arrayContaining(["priority", "interactionType", "conditions[0].operator", "targets[1].weight"]),
    );
    for (const failure of result.failures ?? []) expect(failure.reason).not.toBe("");
    // Failed inputs are handed back untouched, so the engine shows what the program wrote.
    expect((result.inputs.targets as unknown[])[1]).toEqual({ type: "queue", id: "queue-b", weight: 140, capacity: 5 });
  });

  it("a bad conflictPolicy is a failure", async () => {
    const result = await routingRuleProvider.check({}, engineInputs(rule({ conflictPolicy: "merge" })));
    expect(result.failures).toEqual([{ property: "conflictPolicy", reason: 'must be one of fail or overwrite, got "merge"' }]);
  });

  it.each([[""], [42]])("adoptId %j is a failure", async (adoptId) => {
    const result = await routingRuleProvider.check({}, engineInputs(rule({ adoptId })));
    expect(properties(result.failures)).toEqual(["adoptId"]);
  });

  it("meta failures are reported together with field failures", async () => {
    const result = await routingRuleProvider.check({}, engineInputs(rule({ priority: -1, conflictPolicy: "always", adoptId: "" })));
    expect(properties(result.failures)).toEqual(["priority", "conflictPolicy", "adoptId"]);
  });

  it("cxone:maxConditions limits the number of conditions", async () => {
    await configure({ "cxone:maxConditions": "1" });
    const result = await routingRuleProvider.check({}, engineInputs(rule()));
    expect(properties(result.failures)).toEqual(["conditions"]);
    expect(result.failures?.[0]?.reason).toContain("at most 1");
  });
});

describe("check: webhooks", () => {
  beforeEach(() => configure());

  it("keeps the caller's secret wrapper on the write-only secret and sorts eventFilter", async () => {
    const wrapped = secret(WEBHOOK_SECRET);
    const result = await webhookProvider.check({}, webhookInputs("sync", { secret: wrapped }));
    expect(result.failures).toBeUndefined();
    expect(result.inputs.secret).toEqual(wrapped);
    expect(result.inputs.eventFilter).toEqual(["routing.rule.created", "routing.rule.updated"]);
  });

  it("a plain secret stays plain", async () => {
    const result = await webhookProvider.check({}, webhookInputs());
    expect(result.inputs.secret).toBe(WEBHOOK_SECRET);
  });

  it("reports failures with paths and never echoes the secret", async () => {
    const shortSecret = "tooshort-123";
    const result = await webhookProvider.check(
      {},
      webhookInputs("sync", {
        secret: secret(shortSecret),
        targetURL: "http://hooks.example.com/x?token=t0p",
        eventFilter: ["routing.rule.created", "rule.exploded"],
      }),
    );
    // A URL that carries a credential (?token=) is hidden like a secret: the engine prints a failing property's value.
    expect(properties(result.failures)).toEqual(
      expect.arrayContaining(["secret (value hidden)", "targetURL (value hidden)", "eventFilter[1]"]),
    );
    expect(result.inputs).not.toHaveProperty("secret");
    expect(JSON.stringify(result.inputs)).not.toContain("t0p");
    expect(JSON.stringify(result.inputs)).not.toContain(shortSecret);
    const text = JSON.stringify(result.failures);
    expect(text).not.toContain(shortSecret);
    expect(text).not.toContain("t0p");
  });
});
