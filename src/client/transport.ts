import type { Agent } from "undici";
import { EnvironmentError } from "../errors/environment-error";

export interface TransportSettings {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly bodyMs: number;
  readonly keepAliveMs: number;
  readonly connectionsPerOrigin: number;
}

export interface HttpRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Always a string: a retry must be able to send the identical body again. */
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * One undici Agent per client: keep-alive pools per origin (the token host and the API host may
 * differ), with connect, headers and body timeouts. No retries here; see retry/retry-policy.ts.
 */
export function createTransport(settings: TransportSettings): Transport {
  // undici is loaded with the first request: a Pulumi program loads this package to declare
  // resources and mostly never reads the tenant, and loading undici up front was a measurable
  // share of its start-up (engine.pulumi benchmark).
  let agent: Promise<Agent> | undefined;
  let closed = false;
  const connect = () => {
    if (closed) throw new Error("this client's transport is closed; get a new client");
    agent ??= import("undici")
      .then(
        ({ Agent }) =>
          new Agent({
            connect: { timeout: settings.connectMs },
            headersTimeout: settings.headersMs,
            bodyTimeout: settings.bodyMs,
            keepAliveTimeout: settings.keepAliveMs,
            connections: settings.connectionsPerOrigin,
          }),
      )
      .catch((error: unknown) => {
        // Not cached: the next request tries again. Not a network failure either, so say what failed.
        agent = undefined;
        throw new EnvironmentError(
          `cannot load the HTTP client (undici): ${(error as Error).message}. Fix: run with Node.js 22 or later (node --version), then reinstall (npm install)`,
          {
            cause: error,
          },
        );
      });
    return agent;
  };
  return {
    async send(request) {
      const response = await (await connect()).request({
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method as "GET",
        headers: request.headers,
        body: request.body,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
    },
    async close() {
      closed = true;
      const opened = await agent?.catch(() => undefined);
      await opened?.close();
    },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** Whether a non-empty body is JSON; an HTML page from a proxy or login portal is not. */
export function isJsonText(text: string): boolean {
  if (text === "") return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function parseJsonBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
