import { closeAllClients, getClient } from "../src/client/index";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { benchRuleInput } from "./bench-rule";
import { runConcurrently } from "./load-runner";
import { round } from "./measure";

/** Same limit on both sides; high enough that the limited part takes seconds, not minutes. */
const LIMIT_PER_MINUTE = 6_000;
/** Requests that must wait for refill, after the bucket's burst (capacity = the per-minute limit). */
const LIMITED_REQUESTS = 300;
const CONCURRENCY = 16;

/**
 * The client-side token bucket against the simulator's, both at the same limit. Both buckets start
 * full with capacity = limit, so the first LIMIT_PER_MINUTE requests are a burst and only the
 * LIMITED_REQUESTS after it are paced by refill. The server, counting from our first request,
 * would accept capacity + elapsed * limit/60 requests; the percentages say how much of that the
 * client used. The client's refill starts its safety margin (default 1 s) late, which costs
 * limit/60 requests once: at this limit that is visible, at the default 100/min it is under two.
 */
export const clientRateLimitBench: BenchEntry = {
  name: "client-rate-limit",
  description: `burst of ${LIMIT_PER_MINUTE} then ${LIMITED_REQUESTS} paced GETs, client and simulator both at ${LIMIT_PER_MINUTE}/min`,
  async run() {
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: LIMIT_PER_MINUTE });
    try {
      const { rules } = await sim.admin.seed({ rules: [benchRuleInput("rate-limit-rule")] });
      const id = rules[0]!.id;
      const client = getClient({
        baseUrl: sim.url,
        clientId: DEFAULT_CREDENTIALS.clientId,
        clientSecret: DEFAULT_CREDENTIALS.clientSecret,
        rateLimitPerMinute: LIMIT_PER_MINUTE,
      });
      let rateLimited = 0;
      let apiAttempts = 0;
      client.addObserver((event) => {
        if (event.kind !== "api") return;
        apiAttempts++;
        if (event.status === 429) rateLimited++;
      });

      const total = LIMIT_PER_MINUTE + LIMITED_REQUESTS;
      const run = await runConcurrently(total, CONCURRENCY, () => client.rules.get(id));
      const elapsedS = run.elapsedMs / 1000;
      const refillPerS = LIMIT_PER_MINUTE / 60;
      const serverAllowance = LIMIT_PER_MINUTE + elapsedS * refillPerS;

      return {
        metrics: {
          limit_per_min: LIMIT_PER_MINUTE,
          requests: total,
          limited_requests: LIMITED_REQUESTS,
          api_attempts: apiAttempts,
          status_429_seen: rateLimited,
          elapsed_ms: round(run.elapsedMs, 0),
          ideal_elapsed_ms: round((LIMITED_REQUESTS / refillPerS) * 1000, 0),
          refill_rate_used_pct: round((LIMITED_REQUESTS / (elapsedS * refillPerS)) * 100, 1),
          server_allowance_used_pct: round((total / serverAllowance) * 100, 1),
        },
      };
    } finally {
      await closeAllClients();
      await sim.close();
    }
  },
};
