import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { collectOutput } from "./run-command";

/** A GitHub Actions workflow as far as the tests run it: jobs of `run:` steps. */
export interface Workflow {
  readonly name: string;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

interface Job {
  readonly needs?: string | string[];
  readonly environment?: string;
  readonly env?: Record<string, string>;
  readonly strategy?: { readonly matrix?: Record<string, unknown[]> };
  readonly steps: ReadonlyArray<{
    name?: string;
    run?: string;
    uses?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
  }>;
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, "utf8")) as Workflow;
}

/** What the CI service would hand a job: its secrets and variables (per environment), the runner's folders. */
export interface JobContext {
  readonly secrets: Record<string, string>;
  readonly vars: Record<string, string>;
  readonly matrix?: Record<string, string>;
  /** The runner's own folder (RUNNER_TEMP): new for every job. */
  readonly runnerTemp: string;
  /** The fresh checkout the job runs in. */
  readonly workspace: string;
  /** Environment of the machine: the tools (pulumi, node, npm) on PATH. Never the backend or secrets. */
  readonly machineEnv: Record<string, string>;
  /** What a `uses:` step and `npm ci` do on the runner, done by the test instead (by the step's `run` text). */
  readonly installPackages: (workspace: string) => void;
}

export interface StepRun {
  readonly name: string;
  readonly code: number | "skipped" | "uses";
  readonly printed: string;
  readonly with?: Record<string, string>;
}

export interface JobRun {
  /** 0 when every step passed. */
  readonly code: number;
  readonly steps: StepRun[];
  readonly printed: string;
}

/** `${{ secrets.X }}`, `${{ vars.X }}`, `${{ matrix.X }}`, `${{ runner.temp }}`; anything else fails the test. */
function evaluate(text: string, ctx: JobContext): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
    const [scope, ...rest] = expr.split(".");
    const name = rest.join(".");
    const value =
      scope === "secrets"
        ? ctx.secrets[name]
        : scope === "vars"
          ? ctx.vars[name]
          : scope === "matrix"
            ? ctx.matrix?.[name]
            : expr === "runner.temp"
              ? ctx.runnerTemp
              : undefined;
    if (value === undefined) throw new Error(`workflow expression \${{ ${expr} }} has no value in this test`);
    return value;
  });
}

const evaluateAll = (env: Record<string, string> | undefined, ctx: JobContext) =>
  Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, evaluate(String(v), ctx)]));

/** The matrix's combinations (one key), as the CI service expands it. */
export function matrixOf(workflow: Workflow, jobId: string): Array<Record<string, string>> {
  const matrix = workflow.jobs[jobId]?.strategy?.matrix;
  if (!matrix) return [{}];
  const entries = Object.entries(matrix);
  if (entries.length !== 1) throw new Error("the test expands one-key matrices only");
  const [key, values] = entries[0]!;
  return values.map((v) => ({ [key]: String(v) }));
}

/** The job's `environment:` (GitHub environment whose secrets and approval apply). */
export function environmentOf(workflow: Workflow, jobId: string, matrix: Record<string, string> = {}): string | undefined {
  const env = workflow.jobs[jobId]?.environment;
  return env === undefined ? undefined : env.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, k: string) => matrix[k] ?? "");
}

function runBash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; printed: string }> {
  // As the runner runs a `run:` step: bash --noprofile --norc -eo pipefail {0}.
  return collectOutput("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd, env);
}

/** Reads the KEY=value lines a step appended to $GITHUB_ENV. */
function envFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
}

/**
 * Runs one job of a workflow as a runner would: its `run:` steps in order in the job's fresh
 * checkout, with the workflow's, the job's and the step's `env` (expressions evaluated against
 * the context), $GITHUB_ENV carried between steps, and a step after a failure only when
 * `if: always()`. `uses:` steps are the CI service's (checkout, setup, upload): recorded with
 * their inputs, not run; `npm ci` is done by `installPackages`.
 */
export async function runJob(workflow: Workflow, jobId: string, ctx: JobContext): Promise<JobRun> {
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`workflow ${workflow.name} has no job ${jobId}`);
  mkdirSync(ctx.runnerTemp, { recursive: true });
  const githubEnv = path.join(ctx.runnerTemp, "_github_env");
  const summary = path.join(ctx.runnerTemp, "_step_summary.md");
  writeFileSync(githubEnv, "");
  writeFileSync(summary, "");
  const steps: StepRun[] = [];
  let failed = false;
  for (const [i, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run ?? `step ${i + 1}`;
    if (step.if !== undefined && step.if !== "always()") throw new Error(`the test does not evaluate if: ${step.if}`);
    if (failed && step.if !== "always()") {
      steps.push({ name, code: "skipped", printed: "" });
      continue;
    }
    if (step.uses) {
      steps.push({ name, code: "uses", printed: "", ...(step.with ? { with: evaluateAll(step.with, ctx) } : {}) });
      continue;
    }
    if (step.run?.trim() === "npm ci") {
      ctx.installPackages(ctx.workspace);
      steps.push({ name, code: 0, printed: "(packages installed by the test)" });
      continue;
    }
    const env = {
      ...ctx.machineEnv,
      GITHUB_ENV: githubEnv,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: ctx.workspace,
      RUNNER_TEMP: ctx.runnerTemp,
      CI: "true",
      ...evaluateAll(workflow.env, ctx),
      ...evaluateAll(job.env, ctx),
      ...envFile(githubEnv),
      ...evaluateAll(step.env, ctx),
    };
    const result = await runBash(evaluate(step.run ?? "", ctx), ctx.workspace, env);
    steps.push({ name, code: result.code, printed: result.printed });
    if (result.code !== 0) failed = true;
  }
  const printed = steps.map((s) => `--- ${s.name} (${s.code})\n${s.printed}`).join("\n");
  const code = steps.find((s) => typeof s.code === "number" && s.code !== 0)?.code;
  return { code: typeof code === "number" ? code : 0, steps, printed };
}

/** The example's installed packages, linked into a checkout in place of `npm ci`. */
export function linkPackages(from: string): (workspace: string) => void {
  return (workspace) => symlinkSync(path.join(from, "node_modules"), path.join(workspace, "node_modules"), "dir");
}
