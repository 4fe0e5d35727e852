import { Pool } from "undici";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { benchRuleInput } from "./bench-rule";
import { percentile } from "./latency-stats";
import { runConcurrently } from "./load-runner";
import { round } from "./measure";

const REQUESTS = 5_000;
const CONCURRENCY = 32;
const WARMUP_REQUESTS = 500;

/**
 * The simulator alone: authenticated GET of one rule with a bare undici pool (one socket per
 * in-flight request), no client pipeline. The gap to client-throughput is the client's overhead
 * plus the difference in concurrency.
 */
export const simulatorThroughputBench: BenchEntry = {
  name: "simulator-throughput",
  description: `${REQUESTS} raw undici GETs of one rule at concurrency ${CONCURRENCY}, rate limit off`,
  async run() {
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    const pool = new Pool(sim.url, { connections: CONCURRENCY });
    try {
      const { rules } = await sim.admin.seed({ rules: [benchRuleInput("raw-rule")] });
      const path = `/api/v2/routing/interactionroutingrules/${encodeURIComponent(rules[0]!.id)}`;
      const accessToken = await fetchToken(pool);
      let nonOk = 0;
      const get = async (): Promise<void> => {
        const response = await pool.request({ path, method: "GET", headers: { authorization: `Bearer ${accessToken}` } });
        await response.body.text();
        if (response.statusCode !== 200) nonOk++;
      };

      await runConcurrently(WARMUP_REQUESTS, CONCURRENCY, get);
      nonOk = 0;
      const run = await runConcurrently(REQUESTS, CONCURRENCY, get);
      return {
        metrics: {
          requests: REQUESTS,
          concurrency: CONCURRENCY,
          requests_per_s: round(REQUESTS / (run.elapsedMs / 1000), 0),
          latency_p50_ms: round(percentile(run.latenciesMs, 50)),
          latency_p99_ms: round(percentile(run.latenciesMs, 99)),
          non_200_responses: nonOk,
        },
      };
    } finally {
      await pool.close();
      await sim.close();
    }
  },
};

async function fetchToken(pool: Pool): Promise<string> {
  const response = await pool.request({
    path: "/oauth/token",
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      grant_type: "client_credentials",
      client_id: DEFAULT_CREDENTIALS.clientId,
      client_secret: DEFAULT_CREDENTIALS.clientSecret,
    }),
  });
  const body = (await response.body.json()) as { access_token?: unknown };
  if (response.statusCode !== 200 || typeof body.access_token !== "string") {
    // The body is left out on purpose: a token endpoint answer may carry credentials.
    throw new Error(`simulator token endpoint answered ${response.statusCode} without an access_token`);
  }
  return body.access_token;
}
