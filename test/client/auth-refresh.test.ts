import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, closeAllClients, getClient } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig, collectEvents, startSim, statusCount, tokenRequestCount } from "./helpers";

describe("401 on an API call: refresh the token once, retry once", () => {
  let sim: RunningSimulator | undefined;
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
    await fake?.close();
  });

  it("a revoked token is replaced and the call succeeds", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const { events, observer } = collectEvents();
    const client = getClient(clientConfig(sim, { observer }));
    await client.rules.list();
    sim.admin.revokeTokens();

    const page = await client.rules.list();

    expect(page.status).toBe(200);
    expect(tokenRequestCount(sim)).toBe(2);
    expect(statusCount(sim, 401)).toBe(1);
    const api = events.filter((e) => e.kind === "api");
    expect(api.map((e) => [e.status, e.attempt, e.outcome])).toEqual([
      [200, 1, "success"],
      [401, 1, "refresh-token"],
      [200, 2, "success"],
    ]);
  });

  it("a server that keeps answering 401 gets exactly one refresh and then AuthenticationError", async () => {
    let tokens = 0;
    let apiCalls = 0;
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") {
        tokens++;
        sendJson(res, 200, { access_token: `token-number-${tokens}`, token_type: "Bearer", expires_in: 3600 });
        return;
      }
      apiCalls++;
      sendJson(res, 401, { errors: [{ field: null, message: "token rejected", errorCode: "invalid_token" }] });
    });
    const client = getClient(clientConfig(fake));

    const error = await client.rules.list().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as Error).message).toContain("freshly issued token");
    expect(tokens).toBe(2);
    expect(apiCalls).toBe(2);
  });
});
