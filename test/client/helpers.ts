import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index";
import type { ClientConfigInput, RequestEvent } from "../../src/client/index";

export { DEFAULT_CREDENTIALS };

export function startSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, ...options });
}

/** Small delays so retry tests stay fast; no client-side limit unless a test asks for one. */
export function clientConfig(sim: { url: string }, overrides: Partial<ClientConfigInput> = {}): ClientConfigInput {
  return {
    baseUrl: sim.url,
    clientId: DEFAULT_CREDENTIALS.clientId,
    clientSecret: DEFAULT_CREDENTIALS.clientSecret,
    rateLimitPerMinute: false,
    ...overrides,
    retry: { baseDelayMs: 2, maxDelayMs: 20, ...overrides.retry },
    timeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000, keepAliveMs: 1000, ...overrides.timeouts },
  };
}

export function tokenRequestCount(sim: RunningSimulator): number {
  return sim.admin.requests().filter((entry) => entry.path === "/oauth/token").length;
}

/** API calls (token endpoint excluded) answered with this status. */
export function statusCount(sim: RunningSimulator, status: number): number {
  return sim.admin.requests().filter((entry) => entry.status === status && entry.path !== "/oauth/token").length;
}

export function collectEvents(): { events: RequestEvent[]; observer: (event: RequestEvent) => void } {
  const events: RequestEvent[] = [];
  return { events, observer: (event) => events.push(event) };
}
