import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, type ClientConfigInput, type RequestEvent } from "../../src/client/index";
import { startFakeServer, sendJson, type FakeServer } from "./fake-server";
import { clientConfig } from "./helpers";

// Distinctive, and with characters that JSON, form and URL encoding each change.
const CLIENT_SECRET = 'cs-Zq9 "quoted" & +/=~*!-client-secret';
const ACCESS_SECRET = "ak-Yx8 'single' (parens) +plus-access-secret";
const WEBHOOK_SECRET = 'wh-Wv7 <tag> "hook" +&=-webhook-secret';
const TOKEN = "tok-Ut6.issued.bearer-token-value";

/** Every encoding a secret can take on the way out and back. */
function forms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
}
const ALL = [CLIENT_SECRET, ACCESS_SECRET, WEBHOOK_SECRET, TOKEN].flatMap(forms);

function renderings(value: unknown): string[] {
  const out: string[] = [];
  let current: unknown = value;
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    const error = current as Error;
    out.push(String(current), inspect(current, { depth: 10 }), JSON.stringify(current) ?? "", error.message ?? "", error.stack ?? "");
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function expectNoSecret(what: string, value: unknown): void {
  for (const text of renderings(value)) {
    for (const secret of ALL) {
      if (text.includes(secret)) throw new Error(`${what} contains a secret (${JSON.stringify(secret)}): ${text.slice(0, 400)}`);
    }
  }
}

/** A server that quotes whatever it was sent back, in the way given. */
type Echo = (
  req: { url?: string; headers: Record<string, unknown>; bodyText: string },
  res: Parameters<Parameters<typeof startFakeServer>[0]>[1],
) => void;
const quote = (req: { headers: Record<string, unknown>; bodyText: string }) =>
  `you sent ${req.bodyText} with ${JSON.stringify(req.headers)}`;

const TOKEN_ERRORS: Record<string, Echo> = {
  "token 400 echoing the body": (req, res) => sendJson(res, 400, { error: "invalid_client", error_description: quote(req) }),
  "token 401 with the body as plain text": (req, res) => {
    res.writeHead(401, { "content-type": "text/plain" });
    res.end(quote(req));
  },
  "token 500 echoing the body, retried": (req, res) =>
    sendJson(res, 500, { errors: [{ field: null, message: quote(req), errorCode: "boom" }] }),
  "token 200 without access_token, echoing": (req, res) => sendJson(res, 200, { note: quote(req) }),
  "token 429 with a nonsense Retry-After, echoing": (req, res) => sendJson(res, 429, { error: quote(req) }, { "retry-after": "1.5" }),
  "token 200 HTML page echoing": (req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<html>${quote(req)}</html>`);
  },
};

const API_ERRORS: Record<string, Echo> = {
  "API 400 echoing body and headers": (req, res) =>
    sendJson(res, 400, { errors: [{ field: "secret", message: quote(req), errorCode: "echo" }] }),
  "API 400 with the secret as field name and error code": (_req, res) =>
    sendJson(res, 400, { errors: [{ field: WEBHOOK_SECRET, message: "bad", errorCode: WEBHOOK_SECRET }] }),
  "API 409 echoing": (req, res) => sendJson(res, 409, { errors: [{ field: null, message: quote(req), errorCode: "duplicate_name" }] }),
  "API 500 echoing, retried": (req, res) => sendJson(res, 500, { errors: [{ field: null, message: quote(req), errorCode: "x" }] }),
  "API 502 HTML echoing": (req, res) => {
    res.writeHead(502, { "content-type": "text/html" });
    res.end(`<html>${quote(req)}</html>`);
  },
  "API 201 of the wrong shape echoing the secret": (req, res) =>
    sendJson(res, 201, { id: 7, secret: WEBHOOK_SECRET, name: quote(req) }, { etag: '"1"' }),
  "API 201 cut-off JSON echoing": (req, res) => {
    res.writeHead(201, { "content-type": "application/json" });
    res.end(`{"echo": ${JSON.stringify(quote(req))}, "id": `);
  },
  "API 418 echoing": (req, res) => sendJson(res, 418, { errors: [{ field: null, message: quote(req), errorCode: "teapot" }] }),
};

const AUTH_MODES: Record<string, Partial<ClientConfigInput>> = {
  "client credentials, JSON body": { auth: { kind: "client-credentials", bodyFormat: "json" } },
  "client credentials, form body": { auth: { kind: "client-credentials", bodyFormat: "form" } },
  "access key (Basic + form)": { auth: { kind: "access-key", accessKeyId: "key-id", accessKeySecret: ACCESS_SECRET } },
};

describe("no client secret, access key secret, webhook secret or token in any message or event", () => {
  let fake: FakeServer | undefined;
  afterEach(async () => {
    await closeAllClients();
    await fake?.close();
  });

  async function drive(tokenReply: Echo | undefined, apiReply: Echo | undefined, auth: Partial<ClientConfigInput>) {
    fake = await startFakeServer((req, res) => {
      if (req.url === "/oauth/token") {
        if (tokenReply) return tokenReply(req, res);
        return sendJson(res, 200, { access_token: TOKEN, refresh_token: `${TOKEN}-refresh`, expires_in: 3600 });
      }
      if (apiReply) return apiReply(req, res);
      sendJson(res, 200, { items: [], total: 0 });
    });
    const events: RequestEvent[] = [];
    const client = getClient(
      clientConfig(fake, { clientSecret: CLIENT_SECRET, observer: (e) => events.push(e), retry: { maxAttempts: 2 }, ...auth }),
    );
    const results = await Promise.allSettled([
      client.webhooks.create({
        name: "hook",
        enabled: true,
        targetURL: "https://example.com/h",
        eventFilter: "routing.rule.updated",
        format: "json",
        secret: WEBHOOK_SECRET,
      }),
      client.webhooks.replace(
        "wh-1",
        {
          name: "hook",
          enabled: true,
          targetURL: "https://example.com/h",
          eventFilter: "routing.rule.updated",
          format: "json",
          secret: WEBHOOK_SECRET,
        },
        '"1"',
      ),
    ]);
    const errors = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as unknown);
    return { errors, events, client };
  }

  for (const [mode, auth] of Object.entries(AUTH_MODES)) {
    for (const [name, reply] of Object.entries(TOKEN_ERRORS)) {
      it(`${mode}: ${name}`, async () => {
        const { errors, events, client } = await drive(reply, undefined, auth);
        expect(errors).toHaveLength(2);
        for (const [i, error] of errors.entries()) expectNoSecret(`error ${i}`, error);
        expectNoSecret("events", events);
        expectNoSecret("client", client);
      });
    }
  }

  for (const [name, reply] of Object.entries(API_ERRORS)) {
    it(`webhook writes: ${name}`, async () => {
      const { errors, events } = await drive(undefined, reply, AUTH_MODES["client credentials, JSON body"]!);
      expect(errors).toHaveLength(2);
      for (const [i, error] of errors.entries()) expectNoSecret(`error ${i}`, error);
      expectNoSecret("events", events);
    });
  }
});
