import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, UnusableResponseError } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

describe("a nonsensical Retry-After fails at once with a typed error naming the value", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  for (const value of ["1.5", "-3", "soon", "1e3"]) {
    it(`Retry-After ${JSON.stringify(value)} on a 429`, async () => {
      let calls = 0;
      fake = await startFakeServer((req, res) => {
        if (req.url === "/oauth/token") return sendJson(res, 200, { access_token: "fake-token-value", expires_in: 3600 });
        calls++;
        sendJson(res, 429, { errors: [] }, { "retry-after": value });
      });
      const error = (await getClient(clientConfig(fake))
        .rules.list()
        .catch((e: unknown) => e)) as UnusableResponseError;
      expect(error).toBeInstanceOf(UnusableResponseError);
      expect(error.code).toBe("unusable_response");
      expect(error.problem).toBe("invalid-retry-after");
      expect(error.message).toContain(`Retry-After ${JSON.stringify(value)}`);
      expect(error.message).toContain("GET /api/v2/routing/interactionroutingrules");
      expect(error.writeMayHaveApplied).toBe(false);
      expect(calls).toBe(1);
    });
  }
});
