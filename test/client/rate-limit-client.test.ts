import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, RateLimitedError } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim, statusCount } from "./helpers";

describe("client-side rate limit matches the server's bucket", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("300 requests through a client limited like the server get no 429", async () => {
    // capacity 290 then 290/60 per second: the last 10 requests must wait about 2 s in total.
    sim = await startSim({ rateLimitPerMinute: 290 });
    const client = getClient(clientConfig(sim, { rateLimitPerMinute: 290 }));
    const results = await Promise.all(Array.from({ length: 300 }, () => client.rules.list({ top: 1 })));
    expect(results).toHaveLength(300);
    expect(statusCount(sim, 429)).toBe(0);
    expect(statusCount(sim, 200)).toBe(300);
  });

  it("the same burst without the client limit meets the server's 429s", async () => {
    // A frozen server clock: its bucket never refills, so exactly the requests beyond capacity are refused.
    const frozen = Date.now();
    sim = await startSim({ rateLimitPerMinute: 100, now: () => frozen });
    const client = getClient(clientConfig(sim, { rateLimitPerMinute: false, rateLimitDeadlineMs: 0 }));
    const results = await Promise.allSettled(Array.from({ length: 150 }, () => client.rules.list({ top: 1 })));
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(50);
    expect(refused.every((e) => e instanceof RateLimitedError && e.code === "rate_limited")).toBe(true);
    expect(statusCount(sim, 429)).toBe(50);
  });
});
