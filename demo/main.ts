/**
 * `npm run demo`: the whole way a team uses this provider, on the embedded simulator.
 * Starts a CXone simulator and an orchestration endpoint, deploys examples/routing-infra to a
 * dev stack with the real Pulumi engine, prints what was deployed and the audit figures, promotes
 * to staging, shows the signed webhook events, then cleans up.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { startSimulator, DEFAULT_CREDENTIALS, type RunningSimulator } from "../simulator";
import { engineBinDir, packageRoot, runPulumi } from "../provider/engine";
import { formatAuditSummary, readAuditLog, summarizeAudit } from "../provider/audit";
import { ensureExampleInstalled } from "./example-install";
import { printDeployment, printEvents, step } from "./report";
import { startOrchestrationEndpoint } from "./orchestration-endpoint";

const WEBHOOK_SECRET = "demo-webhook-signing-secret";

async function pulumi(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const result = await runPulumi(args, { cwd, env, echo: args[0] === "up" || args[0] === "preview" });
  if (result.code !== 0) {
    throw new Error(`pulumi ${args.join(" ")} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

async function main(): Promise<void> {
  const root = packageRoot();
  const workRoot = path.join(root, ".demo");
  rmSync(workRoot, { recursive: true, force: true });
  mkdirSync(workRoot, { recursive: true });

  step("Preparing the Pulumi engine");
  console.log(`engine: ${engineBinDir()}`);
  const example = path.join(root, "examples", "routing-infra");
  step("Installing examples/routing-infra (the provider as a packed package)");
  ensureExampleInstalled(example);

  // A scratch copy, so that stack config written for this run never touches the repository.
  const project = path.join(workRoot, "routing-infra");
  cpSync(example, project, { recursive: true, filter: (src) => !/[/\\](node_modules|bin|\.cxone)$/.test(src) });
  symlinkSync(path.join(example, "node_modules"), path.join(project, "node_modules"), "dir");
  const env: NodeJS.ProcessEnv = {
    PULUMI_BACKEND_URL: `file://${path.join(workRoot, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "demo-passphrase",
    PULUMI_HOME: path.join(workRoot, "pulumi-home"),
    // The example's scripts use this engine too, without asking the build step again.
    PULUMI_ENGINE_BIN: engineBinDir(),
  };
  mkdirSync(path.join(workRoot, "state"), { recursive: true });

  // Each environment is its own CXone tenant, so each gets its own simulator.
  const sims: Record<string, RunningSimulator> = {};
  const endpoint = await startOrchestrationEndpoint(WEBHOOK_SECRET);
  try {
    step("Starting a CXone simulator per environment");
    for (const stack of ["dev", "staging"]) {
      sims[stack] = await startSimulator({ port: 0, delivery: { attempts: 5, baseDelayMs: 100 } });
      console.log(`${stack} tenant: ${sims[stack].url}`);
    }
    console.log(`orchestration endpoint: ${endpoint.url}`);

    // tsc in-process would block the simulator; it has nothing to serve yet, so a sync build is fine.
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, [path.join(example, "node_modules", "typescript", "bin", "tsc"), "-p", project], { stdio: "inherit" });

    for (const stack of ["dev", "staging"]) {
      await pulumi(project, env, "stack", "init", stack);
      await pulumi(project, env, "config", "set", "cxone:baseUrl", sims[stack]!.url, "--stack", stack);
      await pulumi(project, env, "config", "set", "--secret", "cxone:clientSecret", DEFAULT_CREDENTIALS.clientSecret, "--stack", stack);
      await pulumi(project, env, "config", "set", "cxone:auditLog", path.join(workRoot, `audit-${stack}.jsonl`), "--stack", stack);
      await pulumi(project, env, "config", "set", "routing-infra:orchestrationUrl", endpoint.url, "--stack", stack);
      await pulumi(project, env, "config", "set", "--secret", "routing-infra:webhookSecret", WEBHOOK_SECRET, "--stack", stack);
    }

    step("dev: pulumi up");
    const started = new Date();
    await pulumi(project, env, "up", "--stack", "dev", "--yes", "--skip-preview", "--suppress-outputs");
    const outputs = JSON.parse(await pulumi(project, env, "stack", "output", "--json", "--stack", "dev"));
    printDeployment("dev", outputs, sims.dev!.admin.state());
    const audit = readAuditLog(path.join(workRoot, "audit-dev.jsonl"), started);
    console.log(`\naudit (dev):\n${formatAuditSummary(summarizeAudit(audit.records))}`);

    step("Promoting dev -> staging (npm run promote -- dev staging --yes)");
    await runNodeScript(project, env, "promote.js", ["dev", "staging", "--yes"]);

    step("Events received by the orchestration endpoint");
    for (const sim of Object.values(sims)) await sim.admin.flushDeliveries();
    printEvents(endpoint.events);

    step("Cleaning up");
    for (const stack of ["staging", "dev"]) {
      await pulumi(project, env, "destroy", "--stack", stack, "--yes", "--skip-preview");
    }
    for (const [stack, sim] of Object.entries(sims)) {
      console.log(`${stack} tenant after destroy: ${sim.admin.state().rules.length} rules, ${sim.admin.state().webhooks.length} webhooks`);
    }
  } finally {
    for (const sim of Object.values(sims)) await sim.close();
    await endpoint.close();
    rmSync(workRoot, { recursive: true, force: true });
  }
  console.log("\nDemo complete.");
}

/** Runs a script of the example asynchronously: the simulator serves from this process's event loop. */
async function runNodeScript(project: string, env: NodeJS.ProcessEnv, script: string, args: string[]): Promise<void> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [path.join(project, "bin", "scripts", script), ...args], {
    cwd: project,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
}

if (!existsSync(path.join(packageRoot(), "dist"))) {
  console.error("run `npm run demo` (it builds first)");
  process.exit(2);
}
main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
