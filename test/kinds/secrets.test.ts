import { describe, expect, it } from "vitest";
import { unwrapSecrets } from "../../src/kinds/secrets";
import { secret } from "../helpers/provider-calls";

describe("unwrapSecrets: Pulumi secret wrappers are removed at any depth", () => {
  it("unwraps top-level, nested and listed secrets", () => {
    expect(
      unwrapSecrets({
        secret: secret("s3cr3t-value"),
        nested: { inner: secret({ deeper: secret(42) }) },
        list: [secret("a"), "b"],
      }),
    ).toEqual({ secret: "s3cr3t-value", nested: { inner: { deeper: 42 } }, list: ["a", "b"] });
  });

  it("leaves plain values and look-alike objects alone", () => {
    const lookAlike = { "4dabf18193072939515e22adb298388d": "something-else", value: 1 };
    expect(unwrapSecrets(lookAlike)).toEqual(lookAlike);
    expect(unwrapSecrets(null)).toBeNull();
    expect(unwrapSecrets("x")).toBe("x");
  });

  it("does not modify its argument", () => {
    const input = { secret: secret("s3cr3t-value") };
    unwrapSecrets(input);
    expect(input).toEqual({ secret: secret("s3cr3t-value") });
  });
});
