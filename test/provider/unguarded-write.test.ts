import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutOfBandChangeError } from "../../src/errors/out-of-band-change-error";
import { currentRun, routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

/**
 * A state that holds no ETag (written by an early version, or edited by hand) must never lead to
 * an unconditional write: the provider reads the object, compares it with the state's last
 * outputs, and writes with the ETag just read, or refuses.
 */
describe("update and delete with no ETag in the state", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  async function createdWithoutETag() {
    const created = await routingRuleProvider.create(engineInputs(rule()));
    const { etag: _etag, ...outs } = created.outs as Record<string, unknown>;
    return { id: created.id, olds: outs };
  }

  async function consoleEdit(id: string, priority: number) {
    const api = currentRun().client().rules;
    const now = await api.get(id);
    await api.replace(id, { ...now.body, priority } as never, now.etag!);
  }

  const writes = (from: number) =>
    harness
      .apiRequests()
      .slice(from)
      .filter((r) => r.method === "PUT" || r.method === "DELETE");

  it("update of an unchanged object is sent with the ETag just read", async () => {
    const { id, olds } = await createdWithoutETag();
    const before = harness.apiRequests().length;
    const readETag = harness.sim.admin.state().rules[0]!.etag;
    await routingRuleProvider.update(id, olds, engineInputs(rule({ priority: 5 })));
    const sent = writes(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.ifMatch).toBe(readETag);
    expect(harness.sim.admin.state().rules[0]!.priority).toBe(5);
  });

  it("update after a console edit is refused as an out-of-band change, nothing written", async () => {
    const { id, olds } = await createdWithoutETag();
    await consoleEdit(id, 42);
    const before = harness.apiRequests().length;
    const error = await routingRuleProvider.update(id, olds, engineInputs(rule({ priority: 5 }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutOfBandChangeError);
    expect((error as Error).message).toMatch(/changed outside Pulumi.*pulumi refresh/s);
    expect(writes(before)).toHaveLength(0);
    expect(harness.sim.admin.state().rules[0]!.priority).toBe(42);
  });

  it("delete after a console edit is refused; of an unchanged object it is sent with the ETag just read", async () => {
    const { id, olds } = await createdWithoutETag();
    await consoleEdit(id, 42);
    await expect(routingRuleProvider.delete(id, olds)).rejects.toBeInstanceOf(OutOfBandChangeError);
    expect(harness.sim.admin.state().rules).toHaveLength(1);

    const { etag: _etag, ...now } = (await routingRuleProvider.read(id, olds)).props as Record<string, unknown>;
    const before = harness.apiRequests().length;
    const readETag = harness.sim.admin.state().rules[0]!.etag;
    await routingRuleProvider.delete(id, now);
    expect(writes(before).map((r) => [r.method, r.ifMatch])).toEqual([["DELETE", readETag]]);
    expect(harness.sim.admin.state().rules).toHaveLength(0);
  });

  it("with conflictPolicy overwrite in the program (as the refusal suggests), the edited object is written with the ETag just read", async () => {
    const { id, olds } = await createdWithoutETag();
    await consoleEdit(id, 42);
    const readETag = harness.sim.admin.state().rules[0]!.etag;
    const before = harness.apiRequests().length;
    await routingRuleProvider.update(id, olds, engineInputs(rule({ priority: 5, conflictPolicy: "overwrite" })));
    expect(writes(before).map((r) => r.ifMatch)).toEqual([readETag]);
    expect(harness.sim.admin.state().rules[0]!.priority).toBe(5);
  });
});
