import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, WEBHOOKS_PATH, call, fetchToken, start, validWebhook } from "./helpers";
import { rule } from "../helpers/rules";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
});

describe("Idempotency-Key on POST", () => {
  it("replays the first response for a repeated key instead of creating again", async () => {
    sim = await start();
    const token = await fetchToken(sim.url);
    const headers = { "Idempotency-Key": "create-vip-1" };
    const first = await call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers });
    const second = await call(sim.url, "POST", RULES_PATH, { token, body: rule({ priority: 99 }), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(sim.admin.state().rules).toHaveLength(1);
    expect(sim.admin.requests().map((entry) => entry.replayed)).toEqual([false, false, true]);
  });

  it("creates again with a different key (and then hits the unique name)", async () => {
    sim = await start();
    const token = await fetchToken(sim.url);
    await call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers: { "Idempotency-Key": "a" } });
    const other = await call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers: { "Idempotency-Key": "b" } });
    expect(other.status).toBe(409);
  });

  it("forgets keys after 24 hours", async () => {
    let offsetMs = 0;
    sim = await start({ now: () => Date.now() + offsetMs, tokenTtlSeconds: 3 * 24 * 3600 });
    const token = await fetchToken(sim.url);
    const headers = { "Idempotency-Key": "k" };
    await call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers });
    offsetMs = 24 * 3600 * 1000 + 1;
    const late = await call(sim.url, "POST", RULES_PATH, { token, body: rule({ name: "another" }), headers });
    expect(late.status).toBe(201);
    expect(sim.admin.state().rules).toHaveLength(2);
  });

  it("applies to webhooks too", async () => {
    sim = await start();
    const token = await fetchToken(sim.url);
    const headers = { "Idempotency-Key": "hook-1" };
    const first = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook("http://127.0.0.1:9/x"), headers });
    const second = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook("http://127.0.0.1:9/x"), headers });
    expect(second.body).toEqual(first.body);
    expect(sim.admin.state().webhooks).toHaveLength(1);
  });
});
