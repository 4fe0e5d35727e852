import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderConfigurationError } from "../../src/errors/provider-configuration-error";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

describe("read: a wrong collection path is not a deleted rule", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("fails with a configuration error instead of dropping the rule from the state", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await harness.reconfigure({ "cxone:rulesPath": "/api/v2/routing/no-such-collection" });
    const error = await routingRuleProvider.read!(id, outs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderConfigurationError);
    expect((error as Error).message).toContain("cxone:rulesPath");
    expect((error as Error).message).toContain("nothing was dropped from the state");
  });
});
