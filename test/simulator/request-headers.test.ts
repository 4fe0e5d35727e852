import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await start();
  token = await fetchToken(sim.url);
});
afterAll(async () => {
  await sim.close();
});

describe("bearer token requirement", () => {
  it("answers 401 invalid_token without a token", async () => {
    const res = await call(sim.url, "GET", RULES_PATH);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ field: null, message: "a bearer token is required", errorCode: "invalid_token" }] });
  });

  it("answers 401 for an unknown token", async () => {
    expect((await call(sim.url, "GET", RULES_PATH, { token: "sim_forged" })).status).toBe(401);
  });
});

describe("Accept negotiation", () => {
  it("answers 406 when Accept excludes JSON", async () => {
    const res = await call(sim.url, "GET", RULES_PATH, { token, headers: { Accept: "text/html" } });
    expect(res.status).toBe(406);
    expect(res.body.errors[0].errorCode).toBe("not_acceptable");
  });

  it("accepts wildcards and lists that include JSON", async () => {
    expect((await call(sim.url, "GET", RULES_PATH, { token, headers: { Accept: "*/*" } })).status).toBe(200);
    expect((await call(sim.url, "GET", RULES_PATH, { token, headers: { Accept: "text/plain, application/json;q=0.5" } })).status).toBe(200);
  });
});

describe("CorrelationId", () => {
  it("echoes the caller's CorrelationId", async () => {
    const res = await call(sim.url, "GET", RULES_PATH, { token, headers: { CorrelationId: "corr-123" } });
    expect(res.headers.get("correlationid")).toBe("corr-123");
  });

  it("generates one when the caller sends none, also on errors", async () => {
    const res = await call(sim.url, "GET", RULES_PATH);
    expect(res.headers.get("correlationid")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("unknown routes and methods", () => {
  it("answers 404 for an unknown path and 405 for an unsupported method", async () => {
    expect((await call(sim.url, "GET", "/api/v2/nothing", { token })).status).toBe(404);
    const patch = await call(sim.url, "PATCH", `${RULES_PATH}/x`, { token, body: {} });
    expect(patch.status).toBe(405);
    expect(patch.headers.get("allow")).toBe("GET, PUT, DELETE");
  });
});
