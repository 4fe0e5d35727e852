import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, WEBHOOKS_PATH, call, fetchToken, start } from "./helpers";
import { rule } from "../helpers/rules";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(async () => {
  await sim.close();
});

describe("token scopes", () => {
  it("answers 403 naming the missing scope when a read-only token writes", async () => {
    const token = await fetchToken(sim.url, "routing:rules:read");
    expect((await call(sim.url, "GET", RULES_PATH, { token })).status).toBe(200);
    const res = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      errors: [{ field: null, message: "token lacks scope routing:rules:write", errorCode: "insufficient_scope" }],
    });
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="routing:rules:write"');
  });

  it("keeps rule scopes and webhook scopes apart", async () => {
    const token = await fetchToken(sim.url, "routing:rules:read routing:rules:write");
    const res = await call(sim.url, "GET", WEBHOOKS_PATH, { token });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toBe("token lacks scope webhooks:read");
  });

  it("only grants the scopes configured for the client", async () => {
    const limited = await start({ clientScopes: ["routing:rules:read"] });
    try {
      const token = await fetchToken(limited.url);
      expect((await call(limited.url, "POST", RULES_PATH, { token, body: rule() })).status).toBe(403);
    } finally {
      await limited.close();
    }
  });
});
