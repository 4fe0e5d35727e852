import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator } from "../src/simulator";
import { packageRoot } from "../tools/engine";
import type { BenchEntry, BenchOptions } from "./bench-entry";
import { createEngineProject, type EngineProject, type ProgramVariant } from "./engine-project";
import { round } from "./measure";

const VARIANTS: readonly ProgramVariant[] = ["bare", "cxone"];

/** Rate limit (requests/minute) of the refresh with list ETags: the platform's default. BENCH_REFRESH_LIMIT overrides (0 = off). */
const REFRESH_LIMIT = Number(process.env.BENCH_REFRESH_LIMIT ?? 100);

interface Sample {
  readonly [metric: string]: number;
}

function stats(values: readonly number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: sorted[0]!, median };
}

function simulatorEnv(sim: RunningSimulator, rateLimit: number): Record<string, string> {
  return {
    CXONE_BASE_URL: sim.url,
    CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
    CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
    CXONE_RATE_LIMIT_PER_MINUTE: rateLimit === 0 ? "off" : String(rateLimit),
  };
}

const apiCalls = (sim: RunningSimulator) => sim.admin.requests().filter((r) => r.template.startsWith("/api/")).length;
const tokenCalls = (sim: RunningSimulator) => sim.admin.requests().filter((r) => !r.template.startsWith("/api/")).length;

/** `pulumi refresh` of every rule against a fresh simulator holding the tenant (data file), with or without list ETags. */
async function measureRefresh(p: EngineProject, dataFile: string, listETags: boolean, rateLimit: number): Promise<Sample> {
  const sim = await startSimulator({ port: 0, dataFile, listETags, rateLimitPerMinute: rateLimit });
  try {
    const refresh = await p.run(["refresh", "--yes", "--skip-preview"], simulatorEnv(sim, rateLimit));
    const label = listETags ? "etags" : "no_etags";
    return {
      [`refresh_${label}_ms`]: refresh.ms,
      [`refresh_${label}_api_calls`]: apiCalls(sim),
      [`refresh_${label}_token_calls`]: tokenCalls(sim),
      [`refresh_${label}_rate_limit_per_minute`]: rateLimit,
    };
  } finally {
    await sim.close();
  }
}

/** preview, up, (refresh), destroy of one fresh stack of `rules` rules. */
async function measureVariant(variant: ProgramVariant, rules: number, withRefresh: boolean): Promise<Sample> {
  const workDir = path.join(packageRoot(), ".bench", `sim-${randomBytes(4).toString("hex")}`);
  mkdirSync(workDir, { recursive: true });
  const dataFile = path.join(workDir, "tenant.json");
  let sim = variant === "cxone" ? await startSimulator({ port: 0, rateLimitPerMinute: 0, dataFile }) : undefined;
  const p = await createEngineProject(variant, rules, sim ? simulatorEnv(sim, 0) : {});
  const sample: Record<string, number> = {};
  try {
    sample.preview_ms = (await p.run(["preview"])).ms;
    const up = await p.run(["up", "--yes", "--skip-preview"]);
    sample.up_ms = up.ms;
    const probe = p.probe();
    if (probe) sample.program_cpu_ms = probe.cpuMs;
    if (sim && probe) {
      const firstWrite = sim.admin.requests().find((r) => r.method === "POST" && r.template.startsWith("/api/"));
      if (firstWrite) sample.first_write_after_program_end_ms = Date.parse(firstWrite.time) - probe.endedAt;
    }
    const state = await p.exportStack();
    const resources = state.resources.filter((r) => r.type.endsWith(variant === "cxone" ? ":RoutingRule" : ":Bare"));
    const bytes = resources.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    const providerBytes = resources.reduce(
      (sum, r) => sum + String(r.inputs?.__provider ?? "").length + String(r.outputs?.__provider ?? "").length,
      0,
    );
    sample.state_bytes_per_rule = bytes / resources.length;
    sample.provider_bytes_per_rule = providerBytes / resources.length;
    if (sim && withRefresh) {
      await sim.close();
      Object.assign(sample, await measureRefresh(p, dataFile, true, REFRESH_LIMIT));
      Object.assign(sample, await measureRefresh(p, dataFile, false, 0));
      sim = await startSimulator({ port: 0, rateLimitPerMinute: 0, dataFile });
      sample.destroy_ms = (await p.run(["destroy", "--yes", "--skip-preview"], simulatorEnv(sim, 0))).ms;
    } else {
      sample.destroy_ms = (await p.run(["destroy", "--yes", "--skip-preview"])).ms;
    }
    return sample;
  } finally {
    await sim?.close();
    p.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The plain `pulumi` CLI on TypeScript programs of N RoutingRules, side by side with a bare dynamic
 * resource of the same fields whose provider does nothing (what the engine and the SDK cost anyway).
 * Runs are interleaved (bare, cxone, cxone, bare, ...) so that machine noise hits both; reports min
 * and median and the cxone/bare ratio of the medians. The refresh (first cxone run at the largest
 * size) restarts the simulator on the same data, with list ETags at REFRESH_LIMIT requests/minute
 * and without list ETags with no limit (one GET per rule at 100/minute would take minutes).
 */
export const engineBench: BenchEntry = {
  name: "engine.pulumi",
  description: "preview/up/destroy, program CPU, state bytes and refresh calls: RoutingRule vs a bare dynamic resource",
  quick: true,
  async run(options: BenchOptions = {}) {
    const sizes = options.quick ? [100] : [100, 500];
    const runs = options.quick ? 1 : 3;
    const metrics: Record<string, number> = {};
    for (const size of sizes) {
      const samples: Record<ProgramVariant, Sample[]> = { bare: [], cxone: [] };
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
        for (const variant of order) {
          const withRefresh = variant === "cxone" && run === 0 && size === sizes[sizes.length - 1];
          samples[variant].push(await measureVariant(variant, size, withRefresh));
        }
      }
      const prefix = `rules_${size}`;
      const keys = new Set(VARIANTS.flatMap((variant) => samples[variant].flatMap((sample) => Object.keys(sample))));
      for (const key of keys) {
        const medians: Partial<Record<ProgramVariant, number>> = {};
        for (const variant of VARIANTS) {
          const values = samples[variant].map((sample) => sample[key]).filter((value): value is number => value !== undefined);
          if (values.length === 0) continue;
          const { min, median } = stats(values);
          medians[variant] = median;
          if (values.length > 1 && key.endsWith("_ms")) metrics[`${prefix}_${key.replace(/_ms$/, "")}_${variant}_min_ms`] = round(min);
          metrics[`${prefix}_${key}_${variant}${values.length > 1 ? "_median" : ""}`] = round(median);
        }
        if (medians.bare !== undefined && medians.cxone !== undefined && medians.bare > 0) {
          metrics[`${prefix}_${key}_ratio`] = round(medians.cxone / medians.bare, 3);
        }
      }
    }
    return { metrics };
  },
};
