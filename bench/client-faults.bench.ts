import { closeAllClients, getClient } from "../src/client/index";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { benchRuleInput } from "./bench-rule";
import { percentile } from "./latency-stats";
import { runConcurrently } from "./load-runner";
import { round } from "./measure";

const CREATES = 200;
const DROP_RESPONSE_RATE = 0.3;
const CONCURRENCY = 8;

/**
 * Creates whose response is lost after the server committed them. The client recovers by looking
 * the rule up by name before re-sending; the cost shows up as extra requests and as latency, which
 * includes the client's default retry backoff (full jitter from 250 ms), so p95 is dominated by it.
 */
export const clientFaultsBench: BenchEntry = {
  name: "client-faults",
  description: `${CREATES} creates with ${DROP_RESPONSE_RATE * 100}% committed-then-dropped responses, default retry settings`,
  async run() {
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    try {
      const client = getClient({
        baseUrl: sim.url,
        clientId: DEFAULT_CREDENTIALS.clientId,
        clientSecret: DEFAULT_CREDENTIALS.clientSecret,
        rateLimitPerMinute: false,
      });
      let apiAttempts = 0;
      let lostResponses = 0;
      client.addObserver((event) => {
        if (event.kind !== "api") return;
        apiAttempts++;
        if (event.status === 0) lostResponses++;
      });
      sim.admin.setFaults({ dropResponseRate: DROP_RESPONSE_RATE, seed: 1 });

      const run = await runConcurrently(CREATES, CONCURRENCY, (i) => client.rules.create(benchRuleInput(`fault-rule-${i}`, i + 1)));
      sim.admin.clearFaults();

      const serverLog = sim.admin.requests().filter((entry) => entry.template !== "/oauth/token" && !entry.path.startsWith("/oauth"));
      const rulesOnServer = sim.admin.state().rules.length;
      return {
        metrics: {
          creates: CREATES,
          rules_on_server: rulesOnServer,
          duplicates_or_missing: Math.abs(rulesOnServer - CREATES),
          responses_dropped_by_server: serverLog.filter((entry) => entry.dropped).length,
          lost_responses_seen_by_client: lostResponses,
          api_attempts: apiAttempts,
          extra_requests_per_create: round((apiAttempts - CREATES) / CREATES, 3),
          replayed_by_idempotency_key: serverLog.filter((entry) => entry.replayed).length,
          latency_p50_ms: round(percentile(run.latenciesMs, 50)),
          latency_p95_ms: round(percentile(run.latenciesMs, 95)),
          latency_max_ms: round(Math.max(...run.latenciesMs)),
          elapsed_ms: round(run.elapsedMs, 0),
        },
      };
    } finally {
      await closeAllClients();
      await sim.close();
    }
  },
};
