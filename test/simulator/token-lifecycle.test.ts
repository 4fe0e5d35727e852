import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
});

describe("token lifetime", () => {
  it("rejects a token once its TTL has passed", async () => {
    let offsetMs = 0;
    sim = await start({ tokenTtlSeconds: 60, now: () => Date.now() + offsetMs });
    const token = await fetchToken(sim.url);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    offsetMs = 61_000;
    const expired = await call(sim.url, "GET", RULES_PATH, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].errorCode).toBe("invalid_token");
    expect(expired.headers.get("www-authenticate")).toContain("invalid_token");
  });

  it("reports the configured TTL as expires_in", async () => {
    sim = await start({ tokenTtlSeconds: 5 });
    const response = await fetch(`${sim.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: "sim-client", client_secret: "sim-secret" }),
    });
    expect(((await response.json()) as { expires_in: number }).expires_in).toBe(5);
  });
});

describe("token revocation", () => {
  it("invalidates every issued token, while new tokens work", async () => {
    sim = await start();
    const first = await fetchToken(sim.url);
    const second = await fetchToken(sim.url);
    sim.admin.revokeTokens();
    expect((await call(sim.url, "GET", RULES_PATH, { token: first })).status).toBe(401);
    expect((await call(sim.url, "GET", RULES_PATH, { token: second })).status).toBe(401);
    expect((await call(sim.url, "GET", RULES_PATH, { token: await fetchToken(sim.url) })).status).toBe(200);
  });

  it("is reachable over HTTP at POST /_admin/tokens/revoke", async () => {
    sim = await start();
    const token = await fetchToken(sim.url);
    expect((await fetch(`${sim.url}/_admin/tokens/revoke`, { method: "POST" })).status).toBe(204);
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(401);
  });
});
