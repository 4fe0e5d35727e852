import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutOfBandChangeError } from "../../src/errors/out-of-band-change-error";
import { UnconfirmedWriteError } from "../../src/errors/unconfirmed-write-error";
import { currentRun } from "../../src/provider/runtime";
import { routingRuleProvider } from "../../src/provider/runtime";
import { MALFORMED_SHAPES, type MalformedShape } from "../../src/simulator/index";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule, seedRule, CONSOLE_FIELDS } from "../helpers/rules";

const UNUSABLE = MALFORMED_SHAPES.filter((shape) => shape !== "unknown-field");

const CHANGED = { priority: 42, description: "changed by the program" };

describe("update through the resources: a reply that is unusable once", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  for (const shape of MALFORMED_SHAPES) {
    it(`${shape}: the state gets the server's real ETag, never the old one, and well-typed values`, async () => {
      const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
      harness.sim.admin.setFaults({ malformedShape: shape, malformedCount: 1 });
      const updated = await routingRuleProvider.update!(id, outs, engineInputs(rule(CHANGED)));
      const [stored] = harness.sim.admin.state().rules;
      expect(stored?.priority).toBe(42);
      expect(updated.outs?.etag).toBe(stored?.etag);
      expect(updated.outs?.etag).not.toBe(outs.etag);
      expect(updated.outs?.priority).toBe(42);
      expect(Array.isArray(updated.outs?.targets)).toBe(true);
    });
  }
});

describe("update through the resources: every reply unusable (the read-back too)", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  for (const shape of UNUSABLE) {
    it(`${shape}: one typed error; the next up is not blamed on "an edit outside Pulumi" that was our own`, async () => {
      const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
      harness.sim.admin.setFaults({ malformedShape: shape as MalformedShape });
      const error = (await routingRuleProvider.update!(id, outs, engineInputs(rule(CHANGED))).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      if (shape !== "html-502") {
        expect(error).toBeInstanceOf(UnconfirmedWriteError);
        expect(error.message).toMatch(/RoutingRule "vip-voice" \(id .*\): CXone's reply to the update could not be used.*pulumi refresh/s);
      }
      expect(harness.sim.admin.state().rules[0]?.priority).toBe(42);

      // The engine kept the old state (old ETag): the next up sends it and meets 412.
      harness.sim.admin.clearFaults();
      const next = await routingRuleProvider.update!(id, outs, engineInputs(rule(CHANGED)));
      const [stored] = harness.sim.admin.state().rules;
      expect(next.outs?.etag).toBe(stored?.etag);
      expect(harness.sim.admin.state().rules).toHaveLength(1);
    });
  }

  it("a real edit outside Pulumi is still refused after an unconfirmed update", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const [stored] = harness.sim.admin.state().rules;
    await harness.sim.admin.editRule(stored!.id, { priority: 77 });
    await expect(routingRuleProvider.update!(id, outs, engineInputs(rule(CHANGED)))).rejects.toBeInstanceOf(OutOfBandChangeError);
  });
});

describe("adoption through the resources: an unusable reply to the PUT", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  for (const shape of ["priority-string", "targets-null", "no-etag"] as const) {
    it(`${shape}: completes with the server's ETag and well-typed values`, async () => {
      const { rules } = await harness.sim.admin.seed({ rules: [seedRule({ name: "vip-voice", ...CONSOLE_FIELDS, priority: 77 })] });
      const original = rules[0]!.etag;
      // Break only the PUT's reply: the adoption's GET before it is answered normally.
      const stop = currentRun()
        .client()
        .addObserver((event) => {
          if (event.kind === "api" && event.method === "GET" && event.status === 200) {
            harness.sim.admin.setFaults({ malformedShape: shape, malformedCount: 1 });
            stop();
          }
        });
      const adopted = await routingRuleProvider.create(engineInputs(rule({ adoptId: rules[0]!.id })));
      const [stored] = harness.sim.admin.state().rules;
      expect(harness.sim.admin.faults().malformedCount).toBe(0);
      expect(adopted.outs.etag).toBe(stored!.etag);
      expect(adopted.outs.etag).not.toBe(original);
      expect(adopted.outs.priority).toBe(10);
      expect(Array.isArray(adopted.outs.targets)).toBe(true);
    });
  }
});
