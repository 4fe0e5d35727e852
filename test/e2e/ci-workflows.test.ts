import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExampleInstalled } from "../../demo/example-install";
import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator } from "../../src/simulator";
import { offlineEngineEnv, packageRoot } from "../../tools/engine";
import { fallbackChain, mermaidBlock, nodeTitled } from "../helpers/graph-parse";
import { apiWrites } from "../helpers/simulator-requests";
import { environmentOf, linkPackages, matrixOf, readWorkflow, runJob, type JobRun, type Workflow } from "../helpers/workflow-runner";

const example = path.join(packageRoot(), "examples", "routing-infra");
const workflows = path.join(example, ".github", "workflows");
const VIP = "VIP Customer Priority Routing";

/**
 * The example's workflows, run job by job without a CI service: each job in a fresh clone of the
 * infra repo (no .cxone/, no node_modules but the installed packages), with a runner folder of
 * its own, one shared file backend, and simulators for the sandbox tenant (dev, staging) and the
 * production tenant. Order: PR -> merge -> promote -> drift.
 */
describe("examples/routing-infra/.github/workflows: PR -> merge -> promote -> drift on fresh runners", () => {
  const root = path.join(packageRoot(), ".e2e", `ci-workflows-${process.pid}`);
  const origin = path.join(root, "origin");
  const backend = path.join(root, "backend");
  const sims: Record<"sandbox" | "prod", RunningSimulator> = {} as never;
  const tenantOf = (stack: string) => (stack === "prod" ? sims.prod : sims.sandbox);
  let jobs = 0;
  let machineEnv: Record<string, string>;
  const read = (name: string): Workflow => readWorkflow(path.join(workflows, name));
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=ci-test", "-c", "user.email=ci-test@example.invalid", ...args], { cwd, encoding: "utf8" });

  /** The secrets of a GitHub environment, as the repository's settings would hold them. */
  const secretsFor = (environment: string | undefined): Record<string, string> => ({
    PULUMI_CONFIG_PASSPHRASE: "ci-workflows-passphrase",
    ...(environment
      ? { CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret, ROUTING_INFRA_WEBHOOK_SECRET: `signing-secret-of-${environment}` }
      : {}),
  });

  async function job(
    workflow: Workflow,
    jobId: string,
    branch = "main",
    matrix: Record<string, string> = {},
  ): Promise<JobRun & { temp: string }> {
    const n = ++jobs;
    const workspace = path.join(root, `job-${n}`, "checkout");
    const temp = path.join(root, `job-${n}`, "runner-temp");
    git(root, "clone", "-q", "--branch", branch, origin, workspace);
    const run = await runJob(workflow, jobId, {
      secrets: secretsFor(environmentOf(workflow, jobId, matrix)),
      vars: { PULUMI_BACKEND_URL: `file://${backend}` },
      matrix,
      runnerTemp: temp,
      workspace,
      machineEnv,
      installPackages: linkPackages(example),
    });
    if (process.env.E2E_TRANSCRIPT_DIR) {
      mkdirSync(process.env.E2E_TRANSCRIPT_DIR, { recursive: true });
      writeFileSync(path.join(process.env.E2E_TRANSCRIPT_DIR, `ci-job-${n}-${workflow.name}-${jobId}.log`), run.printed);
    }
    return { ...run, temp };
  }

  const vipWeights = (stack: string) => {
    const tag = stack === "prod" ? "" : ` [${stack}]`;
    const vip = tenantOf(stack)
      .admin.state()
      .rules.find((r) => r.name === `${VIP}${tag}`);
    return vip?.targets.map((t) => t.weight).sort((a, b) => a - b);
  };
  const rulesOf = (stack: string) =>
    tenantOf(stack)
      .admin.state()
      .rules.filter((r) => (stack === "prod" ? true : r.name.endsWith(` [${stack}]`))).length;
  const auditRecords = (temp: string) => {
    const dir = path.join(temp, "cxone-audit");
    return existsSync(dir)
      ? readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), "utf8").trim().split("\n").filter(Boolean))
      : [];
  };

  beforeAll(async () => {
    ensureExampleInstalled(example);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(backend, { recursive: true });
    sims.sandbox = await startSimulator({ port: 0 });
    sims.prod = await startSimulator({ port: 0 });
    // The machine: pulumi, node and npm on PATH; the backend and every secret come from the workflow.
    const engine = offlineEngineEnv(path.join(root, "machine"), "unused");
    machineEnv = { ...(process.env as Record<string, string>), ...engine };
    for (const key of ["PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "CXONE_CLIENT_SECRET", "CXONE_AUDIT_LOG"]) delete machineEnv[key];

    // The infra repo as its team commits it: the example, its stacks pointed at the tenants.
    cpSync(example, origin, { recursive: true, filter: (src) => !/[/\\](node_modules|bin|\.cxone)$/.test(src) });
    for (const stack of ["dev", "staging", "prod"]) {
      const file = path.join(origin, `Pulumi.${stack}.yaml`);
      writeFileSync(
        file,
        readFileSync(file, "utf8")
          .replace(/cxone:baseUrl: .*/, `cxone:baseUrl: ${tenantOf(stack).url}`)
          .replace(/routing-infra:orchestrationUrl: .*/, "routing-infra:orchestrationUrl: http://127.0.0.1:9/unused"),
      );
    }
    git(origin, "init", "-q", "-b", "main");
    git(origin, "add", "-A");
    git(origin, "commit", "-q", "-m", "routing as code");
  }, 300_000);

  afterAll(async () => {
    for (const sim of Object.values(sims)) await sim?.close();
    if (!process.env.E2E_KEEP) rmSync(root, { recursive: true, force: true });
  });

  it("the workflows are what the guide says: preview on PR, up on merge, promotions behind environments, nightly drift", () => {
    const preview = read("preview.yml");
    const deploy = read("deploy.yml");
    const drift = read("drift.yml");
    expect(Object.keys(preview.jobs)).toEqual(["preview"]);
    expect(Object.keys(deploy.jobs)).toEqual(["up-dev", "promote-staging", "promote-prod"]);
    expect(deploy.jobs["promote-staging"]!.needs).toBe("up-dev");
    expect(deploy.jobs["promote-prod"]!.needs).toBe("promote-staging");
    expect(["dev", "staging", "prod"].map((_, i) => environmentOf(deploy, Object.keys(deploy.jobs)[i]!))).toEqual([
      "dev",
      "staging",
      "prod",
    ]);
    expect(matrixOf(drift, "drift")).toEqual([{ stack: "dev" }, { stack: "staging" }, { stack: "prod" }]);
    // No credential or backend in the repository: every one comes from the CI's secrets and variables.
    const expression = (e: string) => `\${{ ${e} }}`;
    for (const w of [preview, deploy, drift]) {
      const text = JSON.stringify(w);
      expect(text).toContain(expression("secrets.PULUMI_CONFIG_PASSPHRASE"));
      expect(text).toContain(expression("vars.PULUMI_BACKEND_URL"));
      expect(text).toContain(expression("secrets.CXONE_CLIENT_SECRET"));
      expect(text).toContain("CXONE_AUDIT_LOG=$RUNNER_TEMP/cxone-audit/");
      expect(text).not.toMatch(/sim-secret|passphrase:/i);
    }
  });

  it("first merge: up to dev, then promotion to staging and prod; each job leaves its audit log", async () => {
    const deploy = read("deploy.yml");
    const dev = await job(deploy, "up-dev");
    expect(dev.code, dev.printed).toBe(0);
    expect(rulesOf("dev")).toBe(6);
    expect(vipWeights("dev")).toEqual([30, 70]);
    expect(auditRecords(dev.temp).length).toBeGreaterThanOrEqual(7);
    const staging = await job(deploy, "promote-staging");
    expect(staging.code, staging.printed).toBe(0);
    expect(staging.printed).toMatch(/staging now runs rule set [0-9a-f]{12}, as dev does/);
    expect(rulesOf("staging")).toBe(6);
    const prod = await job(deploy, "promote-prod");
    expect(prod.code, prod.printed).toBe(0);
    expect(rulesOf("prod")).toBe(6);
    expect(auditRecords(prod.temp).length).toBeGreaterThanOrEqual(7);
    const upload = prod.steps.find((s) => s.name === "Keep the audit log")!;
    expect(upload.code).toBe("uses");
    expect(upload.with?.path).toBe(`${prod.temp}/cxone-audit/`);
  }, 600_000);

  it("a pull request changing the VIP weights: the summary shows exactly that, nothing is written", async () => {
    git(origin, "checkout", "-q", "-b", "vip-weights");
    const voice = path.join(origin, "rules", "voice.ts");
    const before = readFileSync(voice, "utf8");
    const after = before
      .replace(`{ queue: "vip-pool-1", weight: 70, capacity: 50 }`, `{ queue: "vip-pool-1", weight: 60, capacity: 50 }`)
      .replace(`{ queue: "vip-pool-2", weight: 30, capacity: 30 }`, `{ queue: "vip-pool-2", weight: 40, capacity: 30 }`);
    expect(after).not.toBe(before);
    writeFileSync(voice, after);
    git(origin, "commit", "-q", "-am", "VIP pools 60/40");
    git(origin, "checkout", "-q", "main");

    const writes = sims.sandbox.admin.requests().length;
    const pr = await job(read("preview.yml"), "preview", "vip-weights");
    expect(pr.code, pr.printed).toBe(0);
    const summary = readFileSync(path.join(pr.temp, "_step_summary.md"), "utf8");
    console.log(`the PR summary (job summary and comment):\n${summary}`);
    expect(summary).toContain("preview passed · 1 to update, 6 unchanged");
    expect(summary).toContain(
      `| ~ update | RoutingRule \`voice-vip\`<br/>${VIP} | \`targets[queue q-dev-vip-01].weight\` | \`70\` | \`60\` |`,
    );
    expect(summary).toContain("|  |  | `targets[queue q-dev-vip-02].weight` | `30` | `40` |");
    expect(summary).toContain("**12 passed, 0 failed**");
    expect(summary).toContain(`| ${VIP} | ${VIP} (targets changed) | 3 |`);
    // The diagram: VIP marked changed with its new and old weights, and where its interactions fall back to.
    const diagram = mermaidBlock(summary);
    const vip = nodeTitled(diagram, VIP);
    expect(diagram.classes.get("changed")).toEqual([vip]);
    expect(diagram.nodes.get(vip)).toContain("[changed: targets]");
    expect(diagram.edges.filter((e) => e.from === vip && e.label.includes("(was ")).map((e) => e.label)).toEqual([
      "60% cap 50 (was 70% cap 50)",
      "40% cap 30 (was 30% cap 30)",
    ]);
    expect(fallbackChain(diagram, VIP)).toEqual([VIP, "Long Wait Overflow", "General Voice Routing"]);
    expect(diagram.classes.get("added")).toBeUndefined();
    expect(pr.steps.find((s) => s.name === "Comment on the pull request")?.with?.path).toBe(`${pr.temp}/routing-summary.md`);
    expect(apiWrites(sims.sandbox, writes)).toEqual([]);
    expect(vipWeights("dev")).toEqual([30, 70]);
  }, 300_000);

  it("merge: up to dev, then the promotions take exactly that change to staging and prod", async () => {
    git(origin, "merge", "-q", "--ff-only", "vip-weights");
    const deploy = read("deploy.yml");
    const dev = await job(deploy, "up-dev");
    expect(dev.code, dev.printed).toBe(0);
    expect(vipWeights("dev")).toEqual([40, 60]);
    expect(vipWeights("staging")).toEqual([30, 70]);
    const staging = await job(deploy, "promote-staging");
    expect(staging.code, staging.printed).toBe(0);
    expect(staging.printed).toContain("~ voice-vip:");
    expect(vipWeights("staging")).toEqual([40, 60]);
    expect(vipWeights("prod")).toEqual([30, 70]);
    const prod = await job(deploy, "promote-prod");
    expect(prod.code, prod.printed).toBe(0);
    expect(vipWeights("prod")).toEqual([40, 60]);
  }, 600_000);

  it("nightly drift: green on every stack, then a console edit on prod fails its job and the JSON report says what", async () => {
    const drift = read("drift.yml");
    for (const matrix of matrixOf(drift, "drift")) {
      const run = await job(drift, "drift", "main", matrix);
      expect(run.code, run.printed).toBe(0);
      const report = JSON.parse(readFileSync(path.join(run.temp, `drift-${matrix.stack}.json`), "utf8"));
      expect(report.drifted).toBe(false);
      expect(report.counts["in-sync"]).toBe(7);
    }
    const vip = sims.prod.admin.state().rules.find((r) => r.name === VIP)!;
    await sims.prod.admin.editRule(vip.id, { enabled: false });
    const run = await job(drift, "drift", "main", { stack: "prod" });
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(run.temp, "drift-prod.json"), "utf8"));
    expect(report.drifted).toBe(true);
    expect(
      report.entries.filter((e: { tenant: string }) => e.tenant === "changed-outside").map((e: { logicalName: string }) => e.logicalName),
    ).toEqual(["voice-vip"]);
    const keep = run.steps.find((s) => s.name === "Keep the drift report")!;
    expect(keep.code).toBe("uses");
    expect(keep.with?.path).toContain(`${run.temp}/drift-prod.json`);
    // Nothing was written by the drift jobs: prod still holds the console's edit.
    expect(sims.prod.admin.state().rules.find((r) => r.name === VIP)!.enabled).toBe(false);
  }, 600_000);
});
