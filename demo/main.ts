/**
 * `npm run demo`: the whole way a team uses this provider, on the embedded simulator.
 * Starts a CXone simulator and an orchestration endpoint, deploys examples/routing-infra to a
 * dev stack with the real Pulumi engine, prints what was deployed and the audit figures, promotes
 * to staging, shows the signed webhook events, then cleans up.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSimulator, type RunningSimulator } from "../src/simulator";
import { engineBinDir, packageRoot } from "../tools/engine";
import { copyExampleProject, initExampleStack } from "./example-project";
import { formatAuditSummary, readAuditLog, summarizeAudit } from "../src/audit";
import { ensureExampleInstalled } from "./example-install";
import { printDeployment, printEvents, step } from "./report";
import { startOrchestrationEndpoint } from "./orchestration-endpoint";

const WEBHOOK_SECRET = "demo-webhook-signing-secret";

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

  const project = copyExampleProject(example, workRoot);
  const env = project.env;
  let audit = summarizeAudit([]);
  let deployed: Record<string, number> = {};
  let events = 0;
  let verified = 0;
  // dev and staging share one sandbox tenant, as many contact centers do: each stack's
  // cxone:owner (Pulumi.<stack>.yaml) tags its names, so they deploy side by side.
  const sandbox = await startSimulator({ port: 0, delivery: { attempts: 5, baseDelayMs: 100 } });
  const sims: Record<string, RunningSimulator> = { dev: sandbox, staging: sandbox };
  const endpoint = await startOrchestrationEndpoint(WEBHOOK_SECRET);
  try {
    step("Starting the sandbox tenant that dev and staging share");
    console.log(`sandbox tenant (dev and staging): ${sandbox.url}`);
    console.log(`orchestration endpoint: ${endpoint.url}`);

    for (const stack of ["dev", "staging"]) {
      await initExampleStack(project, stack, {
        baseUrl: sims[stack]!.url,
        orchestrationUrl: endpoint.url,
        webhookSecret: WEBHOOK_SECRET,
        auditLog: path.join(workRoot, `audit-${stack}.jsonl`),
      });
    }

    step("Routing tests: a bad change fails preview before anything is written");
    await showFailingRoutingTest(project, sims.dev!);

    step("dev: pulumi up (the 12 routing tests of routing.routing-test.json pass first)");
    const started = new Date();
    await project.pulumi("up", "--stack", "dev", "--yes", "--suppress-outputs");
    const outputs = JSON.parse(await project.pulumi("stack", "output", "--json", "--stack", "dev"));
    printDeployment("dev", outputs, sims.dev!.admin.state());

    step("Pictures of the routing: dev's rule set, and what promoting it changes on staging");
    // Outside .demo (removed at the end): the pages stay to be opened after the demo.
    const pictures = path.join(os.tmpdir(), "cxone-routing-demo");
    const tests = ["--tests", "routing.routing-test.json"];
    await runCxoneRouting(project.dir, env, ["graph", "--stack", "dev", ...tests, "--out", path.join(pictures, "dev-routing.html")]);
    await runCxoneRouting(project.dir, env, [
      "graph",
      "--stack",
      "dev",
      "--against",
      "staging",
      ...tests,
      "--title",
      "promotion dev -> staging: what staging gets",
      "--out",
      path.join(pictures, "promotion-dev-to-staging.html"),
    ]);
    console.log("open them in a browser: they are single files and load nothing");

    step("Promoting dev -> staging (npx cxone-routing promote dev staging --yes)");
    await runCxoneRouting(project.dir, env, ["promote", "dev", "staging", "--yes"]);

    step("Events received by the orchestration endpoint");
    await sandbox.admin.flushDeliveries();
    printEvents(endpoint.events);

    audit = summarizeAudit(
      ["dev", "staging"].flatMap((stack) => readAuditLog(path.join(workRoot, `audit-${stack}.jsonl`), started).records),
    );
    deployed = Object.fromEntries(
      Object.entries(sims).map(([stack, sim]) => [stack, sim.admin.state().rules.filter((r) => r.name.endsWith(` [${stack}]`)).length]),
    );
    events = endpoint.events.length;
    verified = endpoint.events.filter((e) => e.verified).length;

    step("Cleaning up: destroying staging leaves dev's objects on the shared tenant");
    await project.pulumi("destroy", "--stack", "staging", "--yes", "--skip-preview");
    const left = sandbox.admin.state();
    console.log(
      `sandbox after destroying staging: ${left.rules.length} rules (${left.rules.filter((r) => r.name.endsWith(" [dev]")).length} of them dev's)`,
    );
    await project.pulumi("destroy", "--stack", "dev", "--yes", "--skip-preview");
    console.log(
      `sandbox after destroying dev: ${sandbox.admin.state().rules.length} rules, ${sandbox.admin.state().webhooks.length} webhooks`,
    );
  } finally {
    await sandbox.close();
    await endpoint.close();
    rmSync(workRoot, { recursive: true, force: true });
  }
  step("Summary");
  console.log(`rules deployed: dev ${deployed.dev}, staging ${deployed.staging}; dev and staging compared equal after promotion`);
  console.log(`webhook events: ${events} received, ${verified} with valid signatures`);
  console.log(`provider audit (dev + staging):\n${formatAuditSummary(audit)}`);
  console.log("\nDemo complete: everything it created was destroyed; run it again any time.");
}

/**
 * Edits the scratch copy as a reviewer might get wrong (VIP callers only up to 60 s instead of
 * 120 s), shows the routing test that catches it at preview with the simulator untouched, then
 * restores the file: the following `pulumi up` runs every case and passes.
 */
async function showFailingRoutingTest(project: { dir: string; pulumi(...args: string[]): Promise<string> }, sim: RunningSimulator) {
  const file = path.join(project.dir, "rules", "voice.ts");
  const original = readFileSync(file, "utf8");
  writeFileSync(
    file,
    original.replace(
      '{ field: "callDuration", operator: "lessThan", value: 120 }',
      '{ field: "callDuration", operator: "lessThan", value: 60 }',
    ),
  );
  const writesBefore = sim.admin.requests().filter((r) => r.template.startsWith("/api/") && r.method !== "GET").length;
  try {
    await project.pulumi("preview", "--stack", "dev");
    throw new Error("the bad change passed preview; the routing tests should have failed it");
  } catch (error) {
    const text = (error as Error).message;
    const start = text.indexOf("routing test ");
    if (start < 0) throw error;
    console.log(`$ pulumi preview --stack dev   (rules/voice.ts: callDuration lessThan 120 -> 60)\n${text.slice(start).split("\n\n")[0]}`);
  } finally {
    writeFileSync(file, original);
  }
  const writes = sim.admin.requests().filter((r) => r.template.startsWith("/api/") && r.method !== "GET").length - writesBefore;
  console.log(`requests that changed the dev tenant: ${writes}; rules/voice.ts restored`);
}

/** Runs the example's installed `cxone-routing` asynchronously: the simulator serves from this process's event loop. */
async function runCxoneRouting(project: string, env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [path.join(project, "node_modules", "pulumi-cxone-routing", "bin", "cxone-routing.js"), ...args], {
    cwd: project,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`cxone-routing ${args.join(" ")} exited with ${code}`);
}

if (!existsSync(path.join(packageRoot(), "dist"))) {
  console.error("run `npm run demo` (it builds first)");
  process.exit(2);
}
main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
