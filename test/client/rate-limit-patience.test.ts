import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

describe("429s answered with Retry-After do not count against maxAttempts", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  it("ten 429s in a row with Retry-After, then success, with maxAttempts 2", async () => {
    let calls = 0;
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") return sendJson(res, 200, { access_token: "fake-token-value", expires_in: 3600 });
      calls++;
      if (calls <= 10) return sendJson(res, 429, { errors: [] }, { "retry-after": "0" });
      sendJson(res, 200, { items: [], total: 0, skip: 0, top: 100 });
    });
    const page = await getClient(clientConfig(fake, { retry: { maxAttempts: 2 } })).rules.list();
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(11);
    expect(calls).toBe(11);
  });
});
