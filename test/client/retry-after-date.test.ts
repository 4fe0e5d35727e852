import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

describe("Retry-After as an HTTP date is honoured", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  it("waits until the date before sending again", async () => {
    const sentAt: number[] = [];
    let retryAt = 0;
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") return sendJson(res, 200, { access_token: "fake-token-value", expires_in: 3600 });
      sentAt.push(Date.now());
      if (sentAt.length === 1) {
        // HTTP dates have whole seconds: the next full second at least one second away.
        retryAt = Math.ceil((Date.now() + 1000) / 1000) * 1000;
        return sendJson(res, 429, { errors: [] }, { "retry-after": new Date(retryAt).toUTCString() });
      }
      sendJson(res, 200, { items: [], total: 0, skip: 0, top: 100 });
    });
    const page = await getClient(clientConfig(fake)).rules.list();
    expect(page.status).toBe(200);
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]!).toBeGreaterThanOrEqual(retryAt - 5);
  });
});
