import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
});

describe("rate limit per client id", () => {
  it("answers 429 with Retry-After once the bucket is empty, and refills at limit/60 per second", async () => {
    let offsetMs = 0;
    sim = await start({ rateLimitPerMinute: 2, now: () => Date.now() + offsetMs });
    const token = await fetchToken(sim.url);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    const limited = await call(sim.url, "GET", RULES_PATH, { token });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].errorCode).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    offsetMs += 30_000;
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(429);
  });

  it("omits Retry-After when retryAfterHeader is false", async () => {
    sim = await start({ rateLimitPerMinute: 1, retryAfterHeader: false });
    const token = await fetchToken(sim.url);
    await call(sim.url, "GET", RULES_PATH, { token });
    const limited = await call(sim.url, "GET", RULES_PATH, { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeNull();
  });

  it("does not limit the token endpoint or the admin API", async () => {
    sim = await start({ rateLimitPerMinute: 1 });
    for (let i = 0; i < 3; i += 1) await fetchToken(sim.url);
    for (let i = 0; i < 3; i += 1) expect((await fetch(`${sim.url}/_admin/state`)).status).toBe(200);
    const token = await fetchToken(sim.url);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
  });

  it("counts 429s in the request log and counters", async () => {
    sim = await start({ rateLimitPerMinute: 1 });
    const token = await fetchToken(sim.url);
    await call(sim.url, "GET", RULES_PATH, { token });
    await call(sim.url, "GET", RULES_PATH, { token });
    expect(sim.admin.counters()).toMatchObject({
      [`GET ${RULES_PATH} 200`]: 1,
      [`GET ${RULES_PATH} 429`]: 1,
      "POST /oauth/token 200": 1,
    });
  });
});
