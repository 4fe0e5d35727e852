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
  await sim.admin.reset();
});
afterAll(async () => {
  await sim.close();
});

async function createRule(overrides: Record<string, unknown> = {}) {
  const res = await call(sim.url, "POST", RULES_PATH, { token, body: rule(overrides) });
  expect(res.status).toBe(201);
  return res;
}

describe("POST rules", () => {
  it("creates a rule: 201 with server fields, a quoted ETag and a Location", async () => {
    const res = await createRule({ id: "ignored", version: 99 });
    expect(res.body).toMatchObject({ ...rule(), version: 1 });
    expect(res.body.id).not.toBe("ignored");
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    expect(res.headers.get("etag")).toMatch(/^"1-[0-9a-f]{8}"$/);
    expect(res.headers.get("location")).toBe(`${RULES_PATH}/${res.body.id}`);
  });

  it("answers 409 duplicate_name for a second rule with the same name", async () => {
    await createRule();
    const res = await call(sim.url, "POST", RULES_PATH, { token, body: rule({ priority: 20 }) });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: "name", errorCode: "duplicate_name" });
  });
});

describe("GET rule", () => {
  it("returns the rule with the same ETag the create returned", async () => {
    const created = await createRule();
    const res = await call(sim.url, "GET", `${RULES_PATH}/${created.body.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    expect(res.headers.get("etag")).toBe(created.headers.get("etag"));
  });

  it("answers 404 for an unknown id", async () => {
    const res = await call(sim.url, "GET", `${RULES_PATH}/missing`, { token });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].errorCode).toBe("not_found");
  });
});

describe("PUT rule", () => {
  it("replaces the rule when If-Match carries the current ETag, bumping version and ETag", async () => {
    const created = await createRule();
    const res = await call(sim.url, "PUT", `${RULES_PATH}/${created.body.id}`, {
      token,
      body: rule({ priority: 5, version: 42, createdAt: "2000-01-01T00:00:00.000Z" }),
      headers: { "If-Match": created.headers.get("etag") ?? "" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.body.id, priority: 5, version: 2, createdAt: created.body.createdAt });
    expect(res.headers.get("etag")).toMatch(/^"2-[0-9a-f]{8}"$/);
  });

  it("answers 428 precondition_required without If-Match", async () => {
    const created = await createRule();
    const res = await call(sim.url, "PUT", `${RULES_PATH}/${created.body.id}`, { token, body: rule() });
    expect(res.status).toBe(428);
    expect(res.body.errors[0].errorCode).toBe("precondition_required");
  });

  it("answers 412 with the current ETag in body and header for a stale If-Match", async () => {
    const created = await createRule();
    const stale = created.headers.get("etag") ?? "";
    const first = await call(sim.url, "PUT", `${RULES_PATH}/${created.body.id}`, {
      token,
      body: rule({ priority: 1 }),
      headers: { "If-Match": stale },
    });
    const res = await call(sim.url, "PUT", `${RULES_PATH}/${created.body.id}`, {
      token,
      body: rule({ priority: 2 }),
      headers: { "If-Match": stale },
    });
    expect(res.status).toBe(412);
    expect(res.body.errors[0].errorCode).toBe("etag_mismatch");
    expect(res.body.currentETag).toBe(first.headers.get("etag"));
    expect(res.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("answers 404 for an unknown id", async () => {
    const res = await call(sim.url, "PUT", `${RULES_PATH}/missing`, { token, body: rule(), headers: { "If-Match": '"1-00000000"' } });
    expect(res.status).toBe(404);
  });

  it("answers 409 when renaming onto another rule's name", async () => {
    await createRule({ name: "first" });
    const second = await createRule({ name: "second" });
    const res = await call(sim.url, "PUT", `${RULES_PATH}/${second.body.id}`, {
      token,
      body: rule({ name: "first" }),
      headers: { "If-Match": second.headers.get("etag") ?? "" },
    });
    expect(res.status).toBe(409);
  });
});

describe("DELETE rule", () => {
  it("deletes with If-Match: 204, then 404", async () => {
    const created = await createRule();
    const path = `${RULES_PATH}/${created.body.id}`;
    const res = await call(sim.url, "DELETE", path, { token, headers: { "If-Match": created.headers.get("etag") ?? "" } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await call(sim.url, "GET", path, { token })).status).toBe(404);
    expect((await call(sim.url, "DELETE", path, { token, headers: { "If-Match": "*" } })).status).toBe(404);
  });

  it("answers 428 without If-Match and 412 with a stale one", async () => {
    const created = await createRule();
    const path = `${RULES_PATH}/${created.body.id}`;
    expect((await call(sim.url, "DELETE", path, { token })).status).toBe(428);
    expect((await call(sim.url, "DELETE", path, { token, headers: { "If-Match": '"1-deadbeef"' } })).status).toBe(412);
  });

  it("answers 409 rule_in_use while another rule names it as fallback", async () => {
    const fallback = await createRule({ name: "general" });
    await createRule({ name: "vip", fallbackRuleId: fallback.body.id });
    const res = await call(sim.url, "DELETE", `${RULES_PATH}/${fallback.body.id}`, {
      token,
      headers: { "If-Match": fallback.headers.get("etag") ?? "" },
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].errorCode).toBe("rule_in_use");
  });
});
