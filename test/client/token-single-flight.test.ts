import { afterEach, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { closeAllClients, getClient } from "../../src/client/index";
import { clientConfig, startSim, statusCount, tokenRequestCount } from "./helpers";
import type { RunningSimulator } from "../../src/simulator/index";

describe("token cache: one token request for any number of concurrent calls", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("50 concurrent calls on a fresh client request one token", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    await Promise.all(Array.from({ length: 50 }, () => client.rules.list()));
    expect(tokenRequestCount(sim)).toBe(1);
  });

  it("50 concurrent calls after the server revoked every token cause exactly one refresh", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    await client.rules.list();
    expect(tokenRequestCount(sim)).toBe(1);

    sim.admin.revokeTokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.rules.list()));

    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequestCount(sim)).toBe(2);
    expect(statusCount(sim, 401)).toBe(50);
  });

  it("50 concurrent calls after a short-lived token passed its refresh point cause exactly one refresh and no 401", async () => {
    // TTL 2 s: the 300 s default margin is capped to half the TTL, so the token is refreshed after 1 s.
    sim = await startSim({ rateLimitPerMinute: 0, tokenTtlSeconds: 2 });
    const client = getClient(clientConfig(sim));
    await client.rules.list();
    await sleep(1100);
    await Promise.all(Array.from({ length: 50 }, () => client.rules.list()));
    expect(tokenRequestCount(sim)).toBe(2);
    expect(statusCount(sim, 401)).toBe(0);
  });
});
