import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index";

export const RULES_PATH = "/api/v2/routing/interactionroutingrules";
export const WEBHOOKS_PATH = "/api/v2/webhooks";

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Starts a simulator for a test file and closes it afterwards. */
export async function start(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, ...options });
}

export async function fetchToken(baseUrl: string, scope?: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      grant_type: "client_credentials",
      client_id: "sim-client",
      client_secret: "sim-secret",
      ...(scope === undefined ? {} : { scope }),
    }),
  });
  if (response.status !== 200) throw new Error(`token request failed with ${response.status}`);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}

export function validWebhook(targetURL: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "RoutingRuleSync",
    enabled: true,
    targetURL,
    eventFilter: "routing.rule.updated routing.rule.created",
    format: "json",
    ...overrides,
  };
}
