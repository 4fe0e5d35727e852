import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, type RequestEvent } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig, collectEvents, startSim } from "./helpers";

const SECRET = "s3cr3t-value-that-must-not-leak";
const ACCESS_SECRET = "access-key-secret-never-shown";

/** Every way an error or event can end up in a log. */
function renderings(value: unknown): string[] {
  const error = value as Error;
  return [String(value), inspect(value, { depth: 10 }), JSON.stringify(value), error.message ?? "", error.stack ?? ""];
}

function expectClean(value: unknown, secrets: string[]): void {
  for (const text of renderings(value)) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe("no secret or token in any error message, log or event", () => {
  let sim: RunningSimulator | undefined;
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
    await fake?.close();
  });

  it("a rejected secret does not appear in the error", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const error = await getClient(clientConfig(sim, { clientSecret: SECRET }))
      .rules.list()
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AuthenticationError");
    expectClean(error, [SECRET]);
  });

  it("secrets and tokens a server echoes back are redacted from messages and events", async () => {
    const issuedToken = "issued-bearer-token-abcdef123456";
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") {
        sendJson(res, 200, { access_token: issuedToken, token_type: "Bearer", expires_in: 3600 });
        return;
      }
      // A badly behaved server that quotes the request back, Authorization header included.
      sendJson(res, 400, {
        errors: [{ field: "name", message: `bad request ${req.headers.authorization ?? ""} secret=${SECRET}`, errorCode: "echo" }],
      });
    });
    const { events, observer } = collectEvents();
    const client = getClient(clientConfig(fake, { clientSecret: SECRET, observer }));

    const error = await client.rules.create({ name: "x" } as never).catch((e: unknown) => e);

    expect((error as Error).name).toBe("ValidationError");
    expect((error as Error).message).toContain("[redacted]");
    expectClean(error, [SECRET, issuedToken]);
    expectClean(events, [SECRET, issuedToken]);
  });

  it("access-key secrets and the Basic credential stay out of failures", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const events: RequestEvent[] = [];
    const client = getClient(
      clientConfig(sim, {
        clientSecret: SECRET,
        observer: (e) => events.push(e),
        auth: { kind: "access-key", accessKeyId: "sim-access-key", accessKeySecret: ACCESS_SECRET },
      }),
    );
    const error = await client.rules.list().catch((e: unknown) => e);
    expect((error as Error).name).toBe("AuthenticationError");
    const basic = Buffer.from(`sim-client:${SECRET}`).toString("base64");
    expectClean(error, [SECRET, ACCESS_SECRET, basic]);
    expectClean(events, [SECRET, ACCESS_SECRET, basic]);
    expectClean(client, [SECRET, ACCESS_SECRET]);
  });
});
