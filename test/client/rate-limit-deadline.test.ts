import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, RateLimitedError } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

describe("a Retry-After beyond rateLimitDeadlineMs fails at once", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  async function firstAnswer(retryAfter: string) {
    let calls = 0;
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") return sendJson(res, 200, { access_token: "fake-token-value", expires_in: 3600 });
      calls++;
      sendJson(res, 429, { errors: [] }, { "retry-after": retryAfter });
    });
    const client = getClient(clientConfig(fake, { rateLimitDeadlineMs: 30_000, retry: { maxRetryAfterMs: 3_600_000 } }));
    const error = await client.rules.list().catch((e: unknown) => e);
    return { error: error as RateLimitedError, calls };
  }

  it("delay-seconds past the deadline: RateLimitedError naming the value and the setting", async () => {
    const { error, calls } = await firstAnswer("600");
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfter).toBe("600");
    expect(error.retryAfterMs).toBe(600_000);
    expect(error.message).toContain('Retry-After "600"');
    expect(error.message).toContain("rateLimitDeadlineMs");
    expect(calls).toBe(1);
  });

  it("an HTTP date far in the future: the same, at once", async () => {
    const date = new Date(Date.now() + 24 * 3600_000).toUTCString();
    const { error, calls } = await firstAnswer(date);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toContain(`Retry-After "${date}"`);
    expect(calls).toBe(1);
  });
});
