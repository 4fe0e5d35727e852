import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, RateLimitedError, UnusableResponseError } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

function tokenOr(handler: (res: Parameters<Parameters<typeof startFakeServer>[0]>[1]) => void) {
  return startFakeServer((req, res) => {
    if (req.url === "/oauth/token") {
      sendJson(res, 200, { access_token: "fake-token-value", token_type: "Bearer", expires_in: 3600 });
      return;
    }
    handler(res);
  });
}

describe("responses outside the happy path", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  it("a Retry-After longer than the client will wait fails at once with RateLimitedError", async () => {
    let calls = 0;
    fake = await tokenOr((res) => {
      calls++;
      sendJson(res, 429, { errors: [{ field: null, message: "slow down", errorCode: "rate_limited" }] }, { "retry-after": "3600" });
    });
    const client = getClient(clientConfig(fake, { retry: { maxRetryAfterMs: 60_000 } }));
    const error = await client.rules.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect((error as RateLimitedError).attempts).toBe(1);
    expect((error as Error).message).toContain("rateLimitPerMinute");
    expect(calls).toBe(1);
  });

  it("an HTTP-date Retry-After in the past is retried at once", async () => {
    let calls = 0;
    fake = await tokenOr((res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, { errors: [] }, { "retry-after": "Thu, 01 Jan 2015 00:00:00 GMT" });
      else sendJson(res, 200, { items: [], total: 0, skip: 0, top: 100 });
    });
    const page = await getClient(clientConfig(fake)).rules.list();
    expect(page.status).toBe(200);
    expect(calls).toBe(2);
  });

  it("a 200 with an HTML body gives UnusableResponseError pointing at baseUrl", async () => {
    fake = await tokenOr((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>proxy login</html>");
    });
    const error = await getClient(clientConfig(fake))
      .rules.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableResponseError);
    expect((error as UnusableResponseError).code).toBe("unusable_response");
    expect((error as Error).message).toContain("baseUrl");
  });
});
