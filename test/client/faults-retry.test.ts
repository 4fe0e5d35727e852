import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim, statusCount } from "./helpers";
import { rule } from "../helpers/rules";

describe("retries: 429 bursts and 5xx faults", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("every create, read, replace and delete succeeds through a 429 burst and 503 faults", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, retryAfterHeader: false, faultSeed: 7 });
    const client = getClient(clientConfig(sim, { retry: { maxAttempts: 12 } }));
    sim.admin.setFaults({ rateLimitBurst: 25, errorRate: 0.3, errorStatus: 503 });

    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) => client.rules.create(rule({ name: `faulty-${i}`, priority: i + 1 }))),
    );
    const read = await Promise.all(created.map((c) => client.rules.get(c.body.id)));
    const replaced = await Promise.all(
      read.map((r) =>
        client.rules.replace(r.body.id, { ...rule({ name: r.body.name, priority: r.body.priority }), enabled: false }, r.etag!),
      ),
    );
    const removed = await Promise.all(replaced.slice(0, 10).map((r) => client.rules.remove(r.body.id, r.etag!)));

    expect(replaced.every((r) => r.body.enabled === false)).toBe(true);
    expect(removed.every((r) => r.status === 204)).toBe(true);
    expect(sim.admin.state().rules).toHaveLength(20);
    // The faults really struck, and were absorbed.
    expect(statusCount(sim, 429)).toBe(25);
    expect(statusCount(sim, 503)).toBeGreaterThan(0);
  });

  it("honours Retry-After on 429 and succeeds", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, retryAfterHeader: true });
    const client = getClient(clientConfig(sim));
    sim.admin.setFaults({ rateLimitBurst: 2 });
    const page = await client.rules.list();
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(3);
    expect(statusCount(sim, 429)).toBe(2);
  });

  it("retries a GET that got 500", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, faultSeed: 3 });
    const client = getClient(clientConfig(sim, { retry: { maxAttempts: 20 } }));
    sim.admin.setFaults({ errorRate: 0.5, errorStatus: 500 });
    const pages = await Promise.all(Array.from({ length: 20 }, () => client.rules.list()));
    expect(pages.every((p) => p.status === 200)).toBe(true);
    expect(statusCount(sim, 500)).toBeGreaterThan(0);
  });
});
