import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { engineInputs, secret, startHarness, webhookInputs, type Harness } from "../helpers/provider-calls";
import { CONSOLE_FIELDS, rule, seedRule } from "../helpers/rules";

/**
 * Issue 19: a value the program marks secret, or a credential in a URL, never reaches the engine
 * next to a failure (the engine prints a failing property's value) nor any reason text.
 */
describe("check: failures on secret inputs name the field, never the value", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  const leaks = (result: unknown, values: string[]) => values.filter((v) => JSON.stringify(result).includes(v));

  const cases: Array<[string, () => Promise<unknown>, string[], string]> = [
    [
      "a secret name too long",
      () => routingRuleProvider.check({}, engineInputs(rule({ name: secret(`SecretName-${"x".repeat(300)}`) }))),
      ["SecretName-"],
      "name (value hidden)",
    ],
    [
      "a secret condition value of the wrong type",
      () =>
        routingRuleProvider.check(
          {},
          engineInputs(rule({ conditions: [{ field: "segment", operator: "equals", value: secret({ nested: "CondSecret42" }) }] })),
        ),
      ["CondSecret42"],
      "conditions (value hidden)",
    ],
    [
      "a secret eventFilter entry unknown",
      () => webhookProvider.check({}, webhookInputs("sync", { eventFilter: ["routing.rule.created", secret("evt.Secret77")] })),
      ["evt.Secret77"],
      "eventFilter (value hidden)",
    ],
    [
      "a secret targetURL over http",
      () => webhookProvider.check({}, webhookInputs("sync", { targetURL: secret("http://hooks.example.com/SecretPath99") })),
      ["SecretPath99"],
      "targetURL (value hidden)",
    ],
    [
      "userinfo in a targetURL",
      () => webhookProvider.check({}, webhookInputs("sync", { targetURL: "https://alice:Pw0rdXyz@hooks.example.com/x" })),
      ["Pw0rdXyz", "alice"],
      "targetURL (value hidden)",
    ],
    [
      "a ?token= in a targetURL that fails",
      () => webhookProvider.check({}, webhookInputs("sync", { targetURL: "ftp://hooks.example.com/x?token=Tok3nValue" })),
      ["Tok3nValue"],
      "targetURL (value hidden)",
    ],
  ];

  for (const [what, run, values, property] of cases) {
    it(`${what}: refused as "${property}", the value in neither the inputs nor the reasons`, async () => {
      const result = (await run()) as { failures?: { property: string; reason: string }[] };
      expect(result.failures?.map((f) => f.property)).toContain(property);
      expect(leaks(result, values)).toEqual([]);
    });
  }

  it("a URL with a token that passes check is held as a secret in the inputs", async () => {
    const result = await webhookProvider.check({}, webhookInputs("sync", { targetURL: "https://hooks.example.com/x?token=Tok3nValue" }));
    expect(result.failures ?? []).toEqual([]);
    expect(result.inputs.targetURL).toEqual(secret("https://hooks.example.com/x?token=Tok3nValue"));
  });

  it("a value the program marked secret is not quoted by an error at create (a 409 on its name)", async () => {
    await harness.sim.admin.seed({ rules: [seedRule({ name: "SecretName-77", ...CONSOLE_FIELDS })] });
    const error = await routingRuleProvider
      .create(engineInputs(rule({ name: "SecretName-77", __secrets: ["name"] })))
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain("is already used in CXone");
    expect((error as Error).message).not.toContain("SecretName-77");
    expect(String((error as Error).stack)).not.toContain("SecretName-77");
  });

  it('a short secret value is not quoted after "got"', async () => {
    const result = await routingRuleProvider.check({}, engineInputs(rule({ interactionType: "vo", __secrets: ["interactionType"] })));
    expect(result.failures?.map((f) => f.property)).toContain("interactionType (value hidden)");
    expect(JSON.stringify(result.failures)).not.toMatch(/got "vo"/);
  });
});
