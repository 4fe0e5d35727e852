import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { rule, seedRule } from "../helpers/rules";

const RULES = "/api/v2/routing/interactionroutingrules";

describe("the cached snapshot is discarded by writes and by age", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  const listCalls = () => sim!.admin.requests().filter((c) => c.method === "GET" && c.path === RULES).length;

  it("after replace() the next snapshot lists again and holds the new ETag", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const { rules } = await sim.admin.seed({ rules: [seedRule({ name: "kept", priority: 1 })] });
    const client = getClient(clientConfig(sim));
    const before = await client.rules.snapshot();
    const updated = await client.rules.replace(rules[0]!.id, rule({ name: "kept", priority: 9 }), before.items.get(rules[0]!.id)!.etag!);
    const after = await client.rules.snapshot();
    expect(listCalls()).toBe(2);
    expect(after.items.get(rules[0]!.id)).toEqual({ object: updated.body, etag: updated.etag });
  });

  it("after create() and remove() as well", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    expect((await client.rules.snapshot()).items.size).toBe(0);
    const created = await client.rules.create(rule({ name: "new", priority: 1 }));
    expect((await client.rules.snapshot()).items.has(created.body.id)).toBe(true);
    await client.rules.remove(created.body.id, created.etag!);
    expect((await client.rules.snapshot()).items.size).toBe(0);
    expect(listCalls()).toBe(3);
  });

  it("after snapshotTtlMs, and on invalidateSnapshot()", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim, { snapshotTtlMs: 50 }));
    await client.rules.snapshot();
    await client.rules.snapshot();
    expect(listCalls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await client.rules.snapshot();
    expect(listCalls()).toBe(2);
    client.rules.invalidateSnapshot();
    await client.rules.snapshot();
    expect(listCalls()).toBe(3);
  });

  it("concurrent callers share one listing", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    await Promise.all([client.rules.snapshot(), client.rules.snapshot(), client.rules.snapshot()]);
    expect(listCalls()).toBe(1);
  });
});
