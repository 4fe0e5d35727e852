import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_CREDENTIALS, type RunningSimulator, startSimulator } from "../src/simulator/index";
import type { BenchEntry } from "./bench-entry";
import { median } from "./engine-samples";
import { round } from "./measure";

const RULES = 100;
const RUNS = 3;

interface ChildReport {
  readonly stages: readonly { name: string; ms: number; rssMb: number }[];
  readonly peakRssMb: number;
}

/** One provider-like process; `tmp` is its cache folder (XDG_CACHE_HOME), where the runtime keeps its compile cache. */
function runChild(variant: "bare" | "cxone", sim: RunningSimulator, tmp: string): Promise<ChildReport> {
  const { NODE_COMPILE_CACHE: _ownCache, NODE_DISABLE_COMPILE_CACHE: _off, ...env } = process.env;
  return new Promise((resolve, reject) => {
    let report: ChildReport | undefined;
    const child = fork(path.join(__dirname, "provider-startup-child.js"), [variant, String(RULES)], {
      cwd: tmp,
      env: {
        ...env,
        XDG_CACHE_HOME: tmp,
        CXONE_BASE_URL: sim.url,
        CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
        CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
        CXONE_RATE_LIMIT_PER_MINUTE: "off",
      },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.on("message", (message) => {
      report = message as ChildReport;
    });
    child.on("exit", (code) =>
      code === 0 && report ? resolve(report) : reject(new Error(`provider-startup child (${variant}) exited with ${code}`)),
    );
  });
}

const stageOf = (report: ChildReport, name: string) => {
  const found = report.stages.find((s) => s.name === name);
  if (!found) throw new Error(`provider-startup: no stage ${name}`);
  return found;
};

/**
 * What a dynamic-provider process of ours costs before and while it answers (docs/performance.md):
 * loading the runtime and the first check (which lists the tenant's names), with the compile cache
 * cold (a new machine) and warm (the next command), then 100 checks and creates; the process's RSS
 * after each stage against a process that loaded only @pulumi/pulumi (the bare provider).
 */
export const providerStartupBench: BenchEntry = {
  name: "provider.startup",
  description: `a provider process of ours: runtime load, first check, ${RULES} checks and creates, RSS by stage`,
  quick: true,
  async run(options) {
    const runs = options?.quick ? 1 : (options?.runs ?? RUNS);
    const sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    const samples: Record<string, number[]> = {};
    const add = (key: string, value: number) => {
      samples[key] ??= [];
      samples[key].push(value);
    };
    try {
      for (let run = 1; run <= runs; run++) {
        process.stderr.write(`[provider.startup] run ${run}/${runs}\n`);
        const tmp = mkdtempSync(path.join(tmpdir(), "cxone-provider-startup-"));
        try {
          const bare = await runChild("bare", sim, tmp);
          add("bare_rss_mb", stageOf(bare, "pulumi").rssMb);
          add("bare_peak_rss_mb", bare.peakRssMb);
          for (const cache of ["cold", "warm"] as const) {
            await sim.admin.reset();
            const ours = await runChild("cxone", sim, tmp);
            add(`${cache}_load_ms`, stageOf(ours, "load").ms);
            add(`${cache}_first_check_ms`, stageOf(ours, "first_check").ms);
            if (cache === "warm") {
              add("creates_ms", stageOf(ours, "creates").ms);
              add("rss_after_pulumi_mb", stageOf(ours, "pulumi").rssMb);
              add("rss_after_load_mb", stageOf(ours, "load").rssMb);
              add("rss_after_first_check_mb", stageOf(ours, "first_check").rssMb);
              add("rss_after_creates_mb", stageOf(ours, "creates").rssMb);
              add("peak_rss_mb", ours.peakRssMb);
            }
          }
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      }
    } finally {
      await sim.close();
    }
    return { metrics: Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, round(median(values) ?? Number.NaN, 1)])) };
  },
};
