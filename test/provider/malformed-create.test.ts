import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UnconfirmedWriteError } from "../../src/errors/unconfirmed-write-error";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { MALFORMED_SHAPES, type MalformedShape } from "../../src/simulator/index";
import { startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

/** Every shape that turns a successful reply into an unusable one (unknown-field is usable). */
const UNUSABLE = MALFORMED_SHAPES.filter((shape) => shape !== "unknown-field");

/** The state never holds a server value of the wrong type. */
function expectWellTyped(outs: Record<string, unknown>): void {
  expect(typeof outs.priority).toBe("number");
  expect(Array.isArray(outs.targets)).toBe(true);
  expect(typeof outs.etag).toBe("string");
}

describe("create through the resources: a reply that is unusable once", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  for (const shape of MALFORMED_SHAPES) {
    it(`${shape}: completes with the object's real id and ETag, one object`, async () => {
      harness.sim.admin.setFaults({ malformedShape: shape, malformedCount: 1 });
      const created = await routingRuleProvider.create(engineInputs(rule()));
      const rules = harness.sim.admin.state().rules;
      expect(rules).toHaveLength(1);
      expect(created.id).toBe(rules[0]!.id);
      expect(created.outs.etag).toBe(rules[0]!.etag);
      expectWellTyped(created.outs);
    });
  }
});

describe("create through the resources: every reply unusable (the read-back too)", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({}, { faultSeed: 1 });
  });
  afterEach(() => harness.close());

  for (const shape of UNUSABLE) {
    it(`${shape}: one typed error, nothing of the reply in the state, the next up takes the object over (no orphan, no duplicate)`, async () => {
      harness.sim.admin.setFaults({ malformedShape: shape as MalformedShape });
      const error = await routingRuleProvider.create(engineInputs(rule())).catch((e: unknown) => e);
      if (shape === "html-502") {
        // A 5xx is retried by the client and ends as a server error, not as a write confirmed.
        expect((error as Error).name).not.toBe("UnconfirmedWriteError");
      } else {
        expect(error).toBeInstanceOf(UnconfirmedWriteError);
        expect((error as Error).message).toMatch(/RoutingRule "vip-voice".*could not be used.*Run `pulumi up` again/s);
      }
      // The POST landed; nothing of it is in the state.
      expect(harness.sim.admin.state().rules).toHaveLength(1);

      // The next up, on a new runner: the same Idempotency-Key is answered with that object.
      harness.sim.admin.clearFaults();
      const next = await harness.nextRun();
      const again = await next.routingRule.create(engineInputs(rule()));
      const rules = harness.sim.admin.state().rules;
      expect(rules).toHaveLength(1);
      expect(again.id).toBe(rules[0]!.id);
      expect(again.outs.etag).toBe(rules[0]!.etag);
      expectWellTyped(again.outs);
    });
  }
});

describe("webhook create: an unusable reply is confirmed by name, the secret never in a message", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("empty-object once: completes with the real id and ETag", async () => {
    harness.sim.admin.setFaults({ malformedShape: "empty-object", malformedCount: 1 });
    const created = await webhookProvider.create(webhookInputs());
    const hooks = harness.sim.admin.state().webhooks;
    expect(hooks).toHaveLength(1);
    expect(created.id).toBe(hooks[0]!.id);
    expect(created.outs.etag).toBe(hooks[0]!.etag);
  });

  it("persistently unusable: typed error without the secret", async () => {
    harness.sim.admin.setFaults({ malformedShape: "truncated-json" });
    const error = (await webhookProvider.create(webhookInputs()).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UnconfirmedWriteError);
    expect(`${error.message}\n${error.stack}`).not.toContain(String(webhookInputs().secret));
  });
});
