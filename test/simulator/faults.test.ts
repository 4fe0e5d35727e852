import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";
import { rule } from "../helpers/rules";

let sims: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
  sims = [];
});

async function startTracked(options: Parameters<typeof start>[0] = {}): Promise<RunningSimulator> {
  const sim = await start(options);
  sims.push(sim);
  return sim;
}

async function statuses(sim: RunningSimulator, count: number): Promise<number[]> {
  const token = await fetchToken(sim.url);
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await call(sim.url, "GET", RULES_PATH, { token })).status);
  return result;
}

describe("error-rate fault", () => {
  it("answers 500 for every call at rate 1", async () => {
    const sim = await startTracked({ faults: { errorRate: 1 } });
    const token = await fetchToken(sim.url);
    const res = await call(sim.url, "GET", RULES_PATH, { token });
    expect(res.status).toBe(500);
    expect(res.body.errors[0].errorCode).toBe("internal_error");
  });

  it("answers 503 with Retry-After when errorStatus is 503", async () => {
    const sim = await startTracked();
    sim.admin.setFaults({ errorRate: 1, errorStatus: 503 });
    const token = await fetchToken(sim.url);
    const res = await call(sim.url, "GET", RULES_PATH, { token });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    sim.admin.clearFaults();
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
  });

  it("is deterministic: the same faultSeed yields the same fault sequence", async () => {
    const a = await startTracked({ faultSeed: 42, faults: { errorRate: 0.5 }, rateLimitPerMinute: 0 });
    const b = await startTracked({ faultSeed: 42, faults: { errorRate: 0.5 }, rateLimitPerMinute: 0 });
    const first = await statuses(a, 30);
    const second = await statuses(b, 30);
    expect(first).toEqual(second);
    expect(first).toContain(500);
    expect(first).toContain(200);
    a.admin.setFaults({ errorRate: 0.5 });
    expect(await statuses(a, 30)).toEqual(first);
  });
});

describe("latency fault", () => {
  it("delays requests and records the injected latency", async () => {
    const sim = await startTracked();
    sim.admin.setFaults({ latencyMs: 30 });
    const token = await fetchToken(sim.url);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    const entries = sim.admin.requests();
    expect(entries.map((entry) => entry.injectedLatencyMs)).toEqual([30, 30]);
  });
});

describe("429 burst fault", () => {
  it("answers 429 to the next N API calls only", async () => {
    const sim = await startTracked();
    const token = await fetchToken(sim.url);
    sim.admin.setFaults({ rateLimitBurst: 2 });
    const res = await call(sim.url, "GET", RULES_PATH, { token });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(429);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
  });
});

describe("dropped response fault", () => {
  it("commits the change, then resets the connection", async () => {
    const sim = await startTracked();
    const token = await fetchToken(sim.url);
    sim.admin.setFaults({ dropResponseCount: 1 });
    await expect(call(sim.url, "POST", RULES_PATH, { token, body: rule() })).rejects.toMatchObject({
      cause: { code: "ECONNRESET" },
    });
    const [stored] = sim.admin.state().rules;
    expect(stored).toMatchObject({ name: rule().name, version: 1 });
    expect(sim.admin.requests().at(-1)).toMatchObject({ method: "POST", status: 201, dropped: true });
    expect(sim.admin.faults().dropResponseCount).toBe(0);
    const retry = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    expect(retry.status).toBe(409);
  });

  it("lets an Idempotency-Key retry recover the lost response", async () => {
    const sim = await startTracked();
    const token = await fetchToken(sim.url);
    sim.admin.setFaults({ dropResponseCount: 1 });
    const headers = { "Idempotency-Key": "retry-me" };
    await expect(call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers })).rejects.toThrow();
    const retry = await call(sim.url, "POST", RULES_PATH, { token, body: rule(), headers });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(sim.admin.state().rules[0]!.id);
  });

  it("drops PUT and DELETE responses after committing them", async () => {
    const sim = await startTracked();
    const token = await fetchToken(sim.url);
    const created = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    const path = `${RULES_PATH}/${created.body.id}`;
    sim.admin.setFaults({ dropResponseRate: 1 });
    await expect(
      call(sim.url, "PUT", path, { token, body: rule({ priority: 77 }), headers: { "If-Match": created.headers.get("etag") ?? "" } }),
    ).rejects.toThrow();
    expect(sim.admin.state().rules[0]).toMatchObject({ priority: 77, version: 2 });
    const current = sim.admin.state().rules[0]!.etag;
    await expect(call(sim.url, "DELETE", path, { token, headers: { "If-Match": current } })).rejects.toThrow();
    expect(sim.admin.state().rules).toEqual([]);
  });

  it("does not drop reads or refused writes", async () => {
    const sim = await startTracked();
    const token = await fetchToken(sim.url);
    sim.admin.setFaults({ dropResponseCount: 1 });
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    expect((await call(sim.url, "POST", RULES_PATH, { token, body: {} })).status).toBe(400);
    expect(sim.admin.faults().dropResponseCount).toBe(1);
  });
});

describe("fault configuration", () => {
  it("is settable over HTTP and rejects unknown settings", async () => {
    const sim = await startTracked();
    const set = await fetch(`${sim.url}/_admin/faults`, { method: "POST", body: JSON.stringify({ errorRate: 1, errorStatus: 503 }) });
    expect(await set.json()).toEqual({ faults: { errorRate: 1, errorStatus: 503 } });
    const bad = await fetch(`${sim.url}/_admin/faults`, { method: "POST", body: JSON.stringify({ chaos: true }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${sim.url}/_admin/faults`, { method: "DELETE" })).status).toBe(204);
    expect(await (await fetch(`${sim.url}/_admin/faults`)).json()).toEqual({ faults: {} });
  });
});
