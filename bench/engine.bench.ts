import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator } from "../src/simulator";
import { packageRoot } from "../tools/engine";
import type { BenchEntry, BenchOptions } from "./bench-entry";
import { createEngineProject, type EngineProject } from "./engine-project";
import { writeEngineReport } from "./engine-report";
import {
  type ApiCalls,
  type EngineBenchResults,
  medianOf,
  PHASES,
  type PhaseName,
  type PhaseSample,
  SKIP_PHASES,
  type Variant,
  type VariantRun,
} from "./engine-samples";
import { round } from "./measure";
import { watchProcesses } from "./process-watch";

const VARIANTS: readonly Variant[] = ["bare", "cxone"];
const DEFAULT_SIZES = [100, 500, 2000];

function simulatorEnv(sim: RunningSimulator): Record<string, string> {
  return {
    CXONE_BASE_URL: sim.url,
    CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
    CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
    CXONE_RATE_LIMIT_PER_MINUTE: "off",
  };
}

/** Calls by kind from the simulator's counters (`METHOD template status`), which cover every request since the last reset. */
export function classifyCalls(counters: Record<string, number>): ApiCalls {
  const calls = { api: 0, list: 0, read: 0, write: 0, token: 0 };
  for (const [key, count] of Object.entries(counters)) {
    const [method, template] = key.split(" ");
    if (!template?.startsWith("/api/")) {
      calls.token += count;
      continue;
    }
    calls.api += count;
    if (method !== "GET") calls.write += count;
    else if (template.includes("{")) calls.read += count;
    else calls.list += count;
  }
  return calls;
}

/** The counters' growth between two snapshots (admin.reset would empty the tenant too). */
function countersSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([key, count]) => [key, count - (before[key] ?? 0)]));
}

/** Progress on stderr: phase, size, run k of n, elapsed since the benchmark started. */
function progress(started: number, text: string): void {
  const seconds = Math.round((performance.now() - started) / 1000);
  const elapsed = `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s`;
  process.stderr.write(`[engine.pulumi ${elapsed}] ${text}\n`);
}

interface RunPlan {
  readonly variant: Variant;
  readonly size: number;
  readonly run: number;
  readonly runs: number;
  readonly skipCheckpoints: boolean;
  readonly started: number;
}

/** One phase: the pulumi command, timed, with the provider process watched and the simulator's calls counted. */
async function measurePhase(
  plan: RunPlan,
  project: EngineProject,
  sim: RunningSimulator | undefined,
  phase: PhaseName,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<PhaseSample> {
  progress(plan.started, `size ${plan.size} run ${plan.run}/${plan.runs} ${plan.variant}: ${phase}...`);
  const before = sim?.admin.counters() ?? {};
  const watch = watchProcesses();
  const { ms } = await project.run(args, env);
  const peaks = watch.stop();
  const probe = project.probe();
  const sample: PhaseSample = {
    ms,
    providerRssMb: round(peaks.providerMb, 1),
    providerCpuMs: round(peaks.providerCpuMs),
    allCpuMs: round(peaks.allCpuMs),
    ...(sim ? { calls: classifyCalls(countersSince(before, sim.admin.counters())) } : {}),
    ...(probe ? { programCpuMs: round(probe.cpuMs), programRssMb: round(probe.peakRssMb, 1) } : {}),
  };
  progress(plan.started, `size ${plan.size} run ${plan.run}/${plan.runs} ${plan.variant}: ${phase} ${(ms / 1000).toFixed(1)} s`);
  return sample;
}

/** A fresh stack and, for ours, a fresh in-memory simulator; both are removed after `body`. */
async function withStack<T>(plan: RunPlan, body: (project: EngineProject, sim: RunningSimulator | undefined) => Promise<T>): Promise<T> {
  // Only ours talks to the API; the bare provider does nothing, so it needs no simulator.
  const sim = plan.variant === "cxone" ? await startSimulator({ port: 0, rateLimitPerMinute: 0 }) : undefined;
  try {
    const project = await createEngineProject(plan.variant, plan.size, sim ? simulatorEnv(sim) : {});
    try {
      return await body(project, sim);
    } finally {
      project.cleanup();
    }
  } finally {
    await sim?.close();
  }
}

/**
 * One fresh stack through every phase. With skipCheckpoints, another fresh stack (so that neither
 * an existing checkpoint nor the simulator's Idempotency-Key records of the first one play a part)
 * runs up and destroy with PULUMI_SKIP_CHECKPOINTS=true.
 */
async function measureVariant(plan: RunPlan): Promise<VariantRun> {
  const yes = ["--yes", "--skip-preview"];
  const { phases, stateBytes } = await withStack(plan, async (project, sim) => {
    const phases: Partial<Record<PhaseName, PhaseSample>> = {};
    phases.preview = await measurePhase(plan, project, sim, "preview", ["preview"]);
    phases.up = await measurePhase(plan, project, sim, "up", ["up", ...yes]);
    const stateBytes = project.stateFileBytes();
    phases.preview_noop = await measurePhase(plan, project, sim, "preview_noop", ["preview"]);
    phases.refresh = await measurePhase(plan, project, sim, "refresh", ["refresh", ...yes]);
    phases.destroy = await measurePhase(plan, project, sim, "destroy", ["destroy", ...yes]);
    return { phases, stateBytes };
  });
  if (plan.skipCheckpoints) {
    await withStack(plan, async (project, sim) => {
      const skip = { PULUMI_SKIP_CHECKPOINTS: "true" };
      const [up, destroy] = SKIP_PHASES;
      phases[up] = await measurePhase(plan, project, sim, up, ["up", ...yes], skip);
      phases[destroy] = await measurePhase(plan, project, sim, destroy, ["destroy", ...yes], skip);
    });
  }
  return { variant: plan.variant, size: plan.size, run: plan.run, phases, stateBytes };
}

function readPrevious(jsonPath: string): EngineBenchResults | undefined {
  if (!existsSync(jsonPath)) return undefined;
  try {
    return JSON.parse(readFileSync(jsonPath, "utf8")) as EngineBenchResults;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the previous file's samples of sizes not run this time, so that `--sizes 100,500 --runs 3`
 * and then `--sizes 2000 --runs 1` make one report. Only samples from the same machine are kept.
 */
export function mergeResults(previous: EngineBenchResults | undefined, fresh: EngineBenchResults): EngineBenchResults {
  if (!previous || JSON.stringify(previous.machine) !== JSON.stringify(fresh.machine)) return fresh;
  const kept = previous.samples.filter((run) => !fresh.sizes.includes(run.size));
  const sizes = [...new Set([...kept.map((run) => run.size), ...fresh.sizes])].sort((a, b) => a - b);
  return { ...fresh, sizes, samples: [...kept, ...fresh.samples] };
}

function machine(): EngineBenchResults["machine"] {
  return {
    nproc: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
  };
}

/** Flat metrics for the runner's table: medians per size, variant and phase, and ours/bare ratios. */
function flatMetrics(results: EngineBenchResults): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const size of results.sizes) {
    for (const phase of [...PHASES, ...SKIP_PHASES]) {
      const values: Partial<Record<Variant, number>> = {};
      for (const variant of VARIANTS) {
        const value = medianOf(results, variant, size, (run) => run.phases[phase]?.ms);
        if (value === undefined) continue;
        values[variant] = value;
        metrics[`rules_${size}_${phase}_${variant}_ms`] = round(value);
      }
      if (values.bare && values.cxone) metrics[`rules_${size}_${phase}_ratio`] = round(values.cxone / values.bare, 3);
      const calls = medianOf(results, "cxone", size, (run) => run.phases[phase]?.calls?.api);
      if (calls !== undefined) metrics[`rules_${size}_${phase}_api_calls`] = calls;
    }
  }
  return metrics;
}

/**
 * The plain `pulumi` CLI on TypeScript programs of N RoutingRules, side by side with a bare dynamic
 * resource of the same fields whose provider does nothing (what the engine and the SDK cost anyway).
 * Runs are interleaved (bare, cxone, then cxone, bare, ...) so that machine noise hits both. Each
 * run takes a fresh stack through preview, up, a no-op preview, refresh and destroy; at the largest
 * size, with --skip-checkpoints, it runs up and destroy once more with PULUMI_SKIP_CHECKPOINTS=true. Writes the raw samples
 * to dist/engine-bench.json and the report (bench-results.md and its chart) beside package.json.
 */
export const engineBench: BenchEntry = {
  name: "engine.pulumi",
  description: "preview, up, no-op preview, refresh, destroy: RoutingRule vs a bare dynamic resource, by rule count",
  quick: true,
  async run(options: BenchOptions = {}) {
    const root = packageRoot();
    const jsonPath = path.join(root, "dist", "engine-bench.json");
    if (options.reportOnly) {
      const previous = readPrevious(jsonPath);
      if (!previous) throw new Error(`--report-only redraws ${jsonPath}, which is missing or unreadable: run the benchmark first`);
      const written = await writeEngineReport(previous, root, { updateDocs: options.updateDocs === true });
      process.stderr.write(`[engine.pulumi] redrawn from ${jsonPath}: ${written.join(", ")}\n`);
      return { metrics: flatMetrics(previous) };
    }
    const sizes = options.sizes ?? (options.quick ? [100] : DEFAULT_SIZES);
    const runs = options.runs ?? (options.quick ? 1 : 3);
    // Without --runs, sizes above 500 run once: one 2,000-rule stack takes about half an hour on 2 cores.
    const runsAt = (size: number) => (options.runs === undefined && size > 500 ? 1 : runs);
    const largest = Math.max(...sizes);
    const started = performance.now();
    const samples: VariantRun[] = [];
    for (const size of sizes) {
      const sizeRuns = runsAt(size);
      for (let run = 1; run <= sizeRuns; run++) {
        const order = run % 2 === 1 ? VARIANTS : [...VARIANTS].reverse();
        for (const variant of order) {
          const skipCheckpoints = options.skipCheckpoints === true && size === largest && run === 1;
          samples.push(await measureVariant({ variant, size, run, runs: sizeRuns, skipCheckpoints, started }));
        }
      }
    }
    const results = mergeResults(readPrevious(jsonPath), { date: new Date().toISOString(), machine: machine(), sizes, runs, samples });
    mkdirSync(path.dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
    const written = await writeEngineReport(results, root, { updateDocs: options.updateDocs === true });
    progress(started, `done: ${written.join(", ")}`);
    return { metrics: flatMetrics(results) };
  },
};
