import { afterEach, describe, expect, it } from "vitest";
import { createClient, resolveClientConfig, type CxoneClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim, statusCount } from "./helpers";

const LIMIT_PER_MINUTE = 600;
const CLIENTS = 3;
const REQUESTS_PER_CLIENT = 25;
/** Like `pulumi up` with a bounded --parallel: a few requests of each program in flight at once. */
const IN_FLIGHT_PER_CLIENT = 4;

async function runPool(count: number, concurrency: number, task: () => Promise<unknown>): Promise<void> {
  let started = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < count) {
        started++;
        await task();
      }
    }),
  );
}

describe("programs sharing one client id's budget", () => {
  let sim: RunningSimulator | undefined;
  const clients: CxoneClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await sim?.close();
  });

  it(`${CLIENTS} independent clients, each assuming the whole ${LIMIT_PER_MINUTE}/min, all finish without a failure and with few 429s`, async () => {
    // A small server bucket, so the steady rate (10/s) is reached after a few requests, not after 600.
    sim = await startSim({ rateLimitPerMinute: LIMIT_PER_MINUTE, rateLimitCapacity: 10 });
    for (let i = 0; i < CLIENTS; i++) {
      // Separate token caches and limiters, as separate processes would have; default retry settings.
      const config = resolveClientConfig({ ...clientConfig(sim, { rateLimitPerMinute: LIMIT_PER_MINUTE }), retry: undefined });
      clients.push(createClient(config, { privateRateLimiter: true }));
    }

    const results = await Promise.allSettled(
      clients.map((client) => runPool(REQUESTS_PER_CLIENT, IN_FLIGHT_PER_CLIENT, () => client.rules.list({ top: 1 }))),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(statusCount(sim, 200)).toBe(CLIENTS * REQUESTS_PER_CLIENT);
    const refused = statusCount(sim, 429);
    // Without adaptation every client keeps sending at 10/s into a shared 10/s: about two thirds refused.
    // The opening burst costs up to one 429 per request in flight (12 here); later corrections one or two each.
    expect(refused).toBeLessThanOrEqual(CLIENTS * IN_FLIGHT_PER_CLIENT + 10);
  });
});
