import { createClient, resolveClientConfig, type CxoneClient } from "../src/client/index";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { runConcurrently } from "./load-runner";
import { round } from "./measure";

/** The server's limit per client id; high enough that a run takes seconds. */
const LIMIT_PER_MINUTE = 1200;
/** The server's bucket: 3 s of the limit, so the steady state dominates the run (the platform's is 60 s). */
const SERVER_CAPACITY = 60;
/** Requests of all clients together per scenario. */
const TOTAL_REQUESTS = 400;
/** Requests in flight per client, like `pulumi up --parallel 8`. */
const IN_FLIGHT = 8;

interface Scenario {
  readonly prefix: string;
  readonly clients: number;
  readonly adaptive: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { prefix: "c2", clients: 2, adaptive: true },
  { prefix: "c3", clients: 3, adaptive: true },
  { prefix: "c3_fixed", clients: 3, adaptive: false },
];

/**
 * 2 and 3 programs sharing one client id, each configured with the whole limit (what every process
 * assumed before the limiter adapted), against one simulator. Each client has its own token cache
 * and limiter, as separate processes would. Reports the 429s and the rate the server accepted
 * against its limit: `shared_*` while all clients run (from the first 429, when the server's
 * starting bucket is spent, to the first client finishing: the ">= 0.9 x limit"), and
 * `steady_*` over the whole run minus the starting bucket, which includes the tail where the last
 * client runs alone while its rate recovers. The `_fixed` scenario is the same with adaptation off.
 */
export const sharedBudgetBench: BenchEntry = {
  name: "client-shared-budget",
  description: `2 and 3 clients sharing one ${LIMIT_PER_MINUTE}/min client id (server bucket ${SERVER_CAPACITY}), ${TOTAL_REQUESTS} GETs in all`,
  async run() {
    const metrics: Record<string, number> = { limit_per_min: LIMIT_PER_MINUTE, server_capacity: SERVER_CAPACITY };
    for (const scenario of SCENARIOS) {
      Object.assign(metrics, prefixed(scenario.prefix, await runScenario(scenario)));
    }
    return { metrics };
  },
};

async function runScenario(scenario: Scenario): Promise<Record<string, number>> {
  const sim = await startSimulator({ port: 0, rateLimitPerMinute: LIMIT_PER_MINUTE, rateLimitCapacity: SERVER_CAPACITY });
  const clients: CxoneClient[] = [];
  try {
    let status429 = 0;
    let failed = 0;
    let first429At: number | undefined;
    const successAt: number[] = [];
    for (let i = 0; i < scenario.clients; i++) {
      const config = resolveClientConfig({
        baseUrl: sim.url,
        clientId: DEFAULT_CREDENTIALS.clientId,
        clientSecret: DEFAULT_CREDENTIALS.clientSecret,
        rateLimitPerMinute: LIMIT_PER_MINUTE,
        rateLimitAdaptive: scenario.adaptive,
      });
      const client = createClient(config, { privateRateLimiter: true });
      await client.rules.list({ top: 1 }); // token and sockets before the clock starts
      client.addObserver((event) => {
        if (event.kind !== "api") return;
        if (event.status === 429) {
          status429++;
          first429At ??= performance.now();
        }
        if (event.outcome === "success") successAt.push(performance.now());
      });
      clients.push(client);
    }
    const perClient = Math.floor(TOTAL_REQUESTS / scenario.clients);
    const started = performance.now();
    let firstDoneAt = Infinity;
    await Promise.all(
      clients.map(async (client) => {
        await runConcurrently(perClient, IN_FLIGHT, () => client.rules.list({ top: 1 }).catch(() => void failed++));
        firstDoneAt = Math.min(firstDoneAt, performance.now());
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    // The shared phase: from the first 429 (the server's starting bucket is spent) until the first
    // client is done (after that fewer programs share the budget).
    const windowStart = first429At ?? started;
    const windowS = Math.max(0.001, (firstDoneAt - windowStart) / 1000);
    const inWindow = successAt.filter((t) => t >= windowStart && t <= firstDoneAt).length;
    const sharedPerMin = (inWindow / windowS) * 60;
    const ok = perClient * scenario.clients - failed;
    // What the server could accept in elapsedS: its bucket at the start (minus the warm-up calls) plus refill.
    const steadyPerMin = ((ok - (SERVER_CAPACITY - scenario.clients)) / elapsedS) * 60;
    return {
      requests: ok + failed,
      failed,
      status_429: status429,
      status_429_pct: round((status429 / (ok + failed)) * 100, 1),
      elapsed_ms: round(elapsedS * 1000, 0),
      achieved_per_min: round((ok / elapsedS) * 60, 0),
      steady_per_min: round(steadyPerMin, 0),
      steady_vs_limit: round(steadyPerMin / LIMIT_PER_MINUTE, 3),
      shared_phase_ms: round(windowS * 1000, 0),
      shared_per_min: round(sharedPerMin, 0),
      shared_vs_limit: round(sharedPerMin / LIMIT_PER_MINUTE, 3),
    };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
    await sim.close();
  }
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${prefix}_${key}`, value]));
}
