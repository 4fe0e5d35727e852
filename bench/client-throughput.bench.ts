import { closeAllClients, getClient } from "../src/client/index";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { benchRuleInput } from "./bench-rule";
import { percentile } from "./latency-stats";
import { runConcurrently } from "./load-runner";
import { round } from "./measure";
import { memorySnapshot } from "./memory-snapshot";

const REQUESTS = 2_000;
const CONCURRENCY = 16;
/** Untimed first: the token request, socket set-up and JIT warm-up are not what is measured. */
const WARMUP_REQUESTS = 200;

/**
 * The API client's read path (rate-limit check, token cache, undici pool, JSON parse, observer)
 * against the simulator on loopback, both limits off. Latency is end-to-end per `rules.get` call.
 * Memory growth covers the whole process, so it includes the simulator's bounded request log.
 */
export const clientThroughputBench: BenchEntry = {
  name: "client-throughput",
  description: `${REQUESTS} client.rules.get calls at concurrency ${CONCURRENCY} against the simulator, limits off`,
  async run() {
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    try {
      const { rules } = await sim.admin.seed({ rules: [benchRuleInput("throughput-rule")] });
      const id = rules[0]!.id;
      const client = getClient({
        baseUrl: sim.url,
        clientId: DEFAULT_CREDENTIALS.clientId,
        clientSecret: DEFAULT_CREDENTIALS.clientSecret,
        rateLimitPerMinute: false,
      });
      let failedAttempts = 0;
      client.addObserver((event) => {
        if (event.kind === "api" && event.outcome !== "success") failedAttempts++;
      });

      await runConcurrently(WARMUP_REQUESTS, CONCURRENCY, () => client.rules.get(id));
      const before = memorySnapshot();
      const run = await runConcurrently(REQUESTS, CONCURRENCY, () => client.rules.get(id));
      const after = memorySnapshot();

      return {
        metrics: {
          requests: REQUESTS,
          concurrency: CONCURRENCY,
          requests_per_s: round(REQUESTS / (run.elapsedMs / 1000), 0),
          latency_p50_ms: round(percentile(run.latenciesMs, 50)),
          latency_p95_ms: round(percentile(run.latenciesMs, 95)),
          latency_p99_ms: round(percentile(run.latenciesMs, 99)),
          non_success_attempts: failedAttempts,
          rss_growth_mb: round(after.rssMb - before.rssMb),
          heap_used_growth_mb: round(after.heapUsedMb - before.heapUsedMb),
        },
      };
    } finally {
      await closeAllClients();
      await sim.close();
    }
  },
};
