import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";
import { rule } from "../helpers/rules";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await start();
  token = await fetchToken(sim.url);
});
beforeEach(async () => {
  await fetch(`${sim.url}/_admin/reset`, { method: "POST" });
});
afterAll(async () => {
  await sim.close();
});

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sim.url}/_admin${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

describe("POST /_admin/seed", () => {
  it("stores rules and webhooks with given ids and returns them with ETags", async () => {
    const seeded = await admin("POST", "/seed", {
      rules: [rule({ id: "rule-general", name: "general", priority: 100 }), rule({ id: "rule-vip", fallbackRuleId: "rule-general" })],
      webhooks: [
        {
          id: "hook-1",
          name: "hook",
          enabled: true,
          targetURL: "http://127.0.0.1:9/h",
          eventFilter: "routing.rule.created",
          secret: "zzz",
        },
      ],
    });
    expect(seeded.status).toBe(200);
    expect(seeded.body.rules.map((rule: { id: string }) => rule.id)).toEqual(["rule-general", "rule-vip"]);
    expect(seeded.body.webhooks[0]).toMatchObject({ id: "hook-1", hasSecret: true, format: "json" });
    expect(JSON.stringify(seeded.body)).not.toContain("zzz");
    const fetched = await call(sim.url, "GET", `${RULES_PATH}/rule-vip`, { token });
    expect(fetched.headers.get("etag")).toBe(seeded.body.rules[1].etag);
  });

  it("rejects invalid seeds as a whole with prefixed field paths", async () => {
    const res = await admin("POST", "/seed", {
      rules: [rule({ id: "ok" }), rule({ id: "bad", name: "other", targets: [{ type: "queue", id: "q", weight: 5, capacity: 1 }] })],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("rules[1].targets");
    expect((await admin("GET", "/state")).body.rules).toEqual([]);
  });
});

describe("GET /_admin/requests and /_admin/counters", () => {
  it("logs API calls with template, client, correlation id, If-Match and Idempotency-Key", async () => {
    await admin("POST", "/seed", { rules: [rule({ id: "r1" })] });
    await call(sim.url, "PUT", `${RULES_PATH}/r1`, {
      token,
      body: rule(),
      headers: { "If-Match": '"1-00000000"', CorrelationId: "c-1", "Idempotency-Key": "ik" },
    });
    const { body } = await admin("GET", "/requests");
    expect(body.requests).toEqual([
      expect.objectContaining({
        seq: 1,
        method: "PUT",
        path: `${RULES_PATH}/r1`,
        template: `${RULES_PATH}/{id}`,
        status: 412,
        clientId: "sim-client",
        correlationId: "c-1",
        ifMatch: '"1-00000000"',
        idempotencyKey: "ik",
      }),
    ]);
    expect((await admin("GET", "/counters")).body.counters).toEqual({ [`PUT ${RULES_PATH}/{id} 412`]: 1 });
  });
});

describe("POST /_admin/rules/{id}/edit", () => {
  it("edits out of band: version and ETag change, so a client's old ETag gets 412", async () => {
    const seeded = await admin("POST", "/seed", { rules: [rule({ id: "r1" })] });
    const oldETag = seeded.body.rules[0].etag;
    const edited = await admin("POST", "/rules/r1/edit", { priority: 1, id: "ignored", version: 50 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: "r1", priority: 1, version: 2 });
    expect(edited.body.etag).not.toBe(oldETag);
    const put = await call(sim.url, "PUT", `${RULES_PATH}/r1`, { token, body: rule(), headers: { "If-Match": oldETag } });
    expect(put.status).toBe(412);
    expect(put.body.currentETag).toBe(edited.body.etag);
  });

  it("validates the edited rule and answers 404 for unknown rules", async () => {
    await admin("POST", "/seed", { rules: [rule({ id: "r1" })] });
    expect((await admin("POST", "/rules/r1/edit", { interactionType: "fax" })).status).toBe(400);
    expect((await admin("POST", "/rules/nope/edit", { priority: 1 })).status).toBe(404);
  });
});

describe("GET /_admin/state and POST /_admin/reset", () => {
  it("lists everything and reset empties it", async () => {
    await admin("POST", "/seed", { rules: [rule({ id: "r1" })] });
    expect((await admin("GET", "/state")).body.rules).toHaveLength(1);
    expect((await admin("POST", "/reset")).status).toBe(204);
    expect((await admin("GET", "/state")).body).toEqual({ rules: [], webhooks: [] });
    expect((await admin("GET", "/requests")).body.requests).toEqual([]);
  });

  it("answers 404 for unknown admin routes", async () => {
    expect((await admin("GET", "/nothing")).status).toBe(404);
  });
});
