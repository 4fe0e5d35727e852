import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig, collectEvents } from "./helpers";

describe("the token endpoint retries through the same loop as the API", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  it("429s with Retry-After from the token endpoint are waited out beyond maxAttempts", async () => {
    let tokenCalls = 0;
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") {
        tokenCalls++;
        if (tokenCalls <= 4) return sendJson(res, 429, { error: "slow_down" }, { "retry-after": "0" });
        return sendJson(res, 200, { access_token: "fake-token-value", expires_in: 3600 });
      }
      sendJson(res, 200, { items: [], total: 0, skip: 0, top: 100 });
    });
    const { events, observer } = collectEvents();
    const page = await getClient(clientConfig(fake, { observer, retry: { maxAttempts: 2 } })).rules.list();
    expect(page.status).toBe(200);
    expect(tokenCalls).toBe(5);
    expect(events.filter((e) => e.kind === "token").map((e) => e.outcome)).toEqual(["retry", "retry", "retry", "retry", "success"]);
  });
});
