import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportTenant } from "../src/cli/export/export-command";
import { DEFAULT_CREDENTIALS, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { round } from "./measure";
import { tenantSeed } from "./tenant-seed";

const RULES = 1_000;
/** The client's default and the simulator's default: what a tenant grants. */
const LIMIT_PER_MINUTE = 100;

/**
 * `cxone-routing export` of a 1,000-rule tenant (and one webhook) with the client at its default
 * rate limit against a simulator enforcing the same limit: list requests made (pages of 100, not a
 * GET per rule), 429s seen, and the time from the first request to the written project.
 */
export const exportBench: BenchEntry = {
  name: "export-1000",
  description: `cxone-routing export of ${RULES} rules at ${LIMIT_PER_MINUTE} requests/minute (client and simulator)`,
  async run() {
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: LIMIT_PER_MINUTE });
    const outDir = mkdtempSync(path.join(tmpdir(), "cxone-export-bench-"));
    try {
      await sim.admin.seed(tenantSeed(RULES));
      const run = await exportTenant({
        outDir: path.join(outDir, "tenant"),
        stack: "dev",
        filters: {},
        config: {},
        settingsFrom: "bench",
        env: {
          CXONE_BASE_URL: sim.url,
          CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
          CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
        },
        print: () => {},
      });
      const requests = sim.admin.requests();
      const api = requests.filter((r) => r.template.startsWith("/api/"));
      return {
        metrics: {
          rules: run.project.ruleCount,
          webhooks: run.project.webhookCount,
          list_requests: run.pagesRead,
          api_requests: api.length,
          get_per_rule_requests: api.filter((r) => r.template.endsWith("/{id}")).length,
          token_requests: requests.length - api.length,
          status_429_seen: requests.filter((r) => r.status === 429).length,
          elapsed_ms: round(run.elapsedMs, 0),
          files_written: run.project.files.size,
        },
      };
    } finally {
      rmSync(outDir, { recursive: true, force: true });
      await sim.close();
    }
  },
};
