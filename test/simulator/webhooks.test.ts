import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { WEBHOOKS_PATH, call, fetchToken, start, validWebhook } from "./helpers";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await start();
  token = await fetchToken(sim.url);
});
beforeEach(async () => {
  await sim.admin.reset();
});
afterAll(async () => {
  await sim.close();
});

const TARGET = "https://orchestrator.example.com/webhooks/cxone";

describe("webhook CRUD", () => {
  it("creates with 201, ETag and Location, and never returns the secret", async () => {
    const res = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(TARGET, { secret: "s3cr3t-value" }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "RoutingRuleSync", targetURL: TARGET, format: "json", hasSecret: true, version: 1 });
    expect(res.body).not.toHaveProperty("secret");
    expect(res.headers.get("etag")).toMatch(/^"1-[0-9a-f]{8}"$/);
    expect(res.headers.get("location")).toBe(`${WEBHOOKS_PATH}/${res.body.id}`);

    const fetched = await call(sim.url, "GET", `${WEBHOOKS_PATH}/${res.body.id}`, { token });
    const listed = await call(sim.url, "GET", WEBHOOKS_PATH, { token });
    const state = await (await fetch(`${sim.url}/_admin/state`)).text();
    for (const text of [JSON.stringify(fetched.body), JSON.stringify(listed.body), state]) {
      expect(text).not.toContain("s3cr3t-value");
    }
    expect(fetched.body.hasSecret).toBe(true);
  });

  it("keeps the secret on a PUT that omits it and clears it on secret: null", async () => {
    const created = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(TARGET, { secret: "x" }) });
    const path = `${WEBHOOKS_PATH}/${created.body.id}`;
    const kept = await call(sim.url, "PUT", path, {
      token,
      body: validWebhook(TARGET, { enabled: false }),
      headers: { "If-Match": created.headers.get("etag") ?? "" },
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ enabled: false, hasSecret: true, version: 2 });
    const cleared = await call(sim.url, "PUT", path, {
      token,
      body: validWebhook(TARGET, { secret: null }),
      headers: { "If-Match": kept.headers.get("etag") ?? "" },
    });
    expect(cleared.body.hasSecret).toBe(false);
  });

  it("enforces If-Match on PUT and DELETE (428, 412) and answers 404 after delete", async () => {
    const created = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(TARGET) });
    const path = `${WEBHOOKS_PATH}/${created.body.id}`;
    expect((await call(sim.url, "PUT", path, { token, body: validWebhook(TARGET) })).status).toBe(428);
    const stale = await call(sim.url, "PUT", path, { token, body: validWebhook(TARGET), headers: { "If-Match": '"9-00000000"' } });
    expect(stale.status).toBe(412);
    expect(stale.body.currentETag).toBe(created.headers.get("etag"));
    expect((await call(sim.url, "DELETE", path, { token })).status).toBe(428);
    expect((await call(sim.url, "DELETE", path, { token, headers: { "If-Match": created.headers.get("etag") ?? "" } })).status).toBe(204);
    expect((await call(sim.url, "GET", path, { token })).status).toBe(404);
  });

  it("answers 409 for a duplicate webhook name", async () => {
    await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(TARGET) });
    expect((await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(TARGET) })).status).toBe(409);
  });
});

describe("webhook validation", () => {
  it("reports every invalid field", async () => {
    const res = await call(sim.url, "POST", WEBHOOKS_PATH, {
      token,
      body: {
        name: "",
        enabled: "true",
        targetURL: "ftp://x",
        eventFilter: "routing.rule.created routing.rule.renamed",
        format: "xml",
        secret: 5,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([
      "name",
      "enabled",
      "targetURL",
      "eventFilter",
      "format",
      "secret",
    ]);
  });
});
