import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { packageRoot } from "../../tools/engine";
import { ensureExampleInstalled } from "../../demo/example-install";
import { copyExampleProject, initExampleStack, type ExampleProject } from "../../demo/example-project";

const execFileAsync = promisify(execFile);
const example = path.join(packageRoot(), "examples", "routing-infra");

/** `npm run compare -- a b` of the example (compiled script), as a reviewer runs it. */
async function compare(project: ExampleProject, a: string, b: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [path.join(project.dir, "bin", "scripts", "compare-stacks.js"), a, b], {
      cwd: project.dir,
      env: { ...process.env, ...project.env },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe("examples/routing-infra: a change lands in dev, then is promoted to staging", () => {
  const workRoot = path.join(packageRoot(), ".e2e", `promotion-${process.pid}`);
  const sims: Record<string, RunningSimulator> = {};
  let project: ExampleProject;

  beforeAll(async () => {
    ensureExampleInstalled(example);
    rmSync(workRoot, { recursive: true, force: true });
    mkdirSync(workRoot, { recursive: true });
    project = copyExampleProject(example, workRoot, { echo: false });
    for (const stack of ["dev", "staging"]) {
      sims[stack] = await startSimulator({ port: 0 });
      await initExampleStack(project, stack, {
        baseUrl: sims[stack]!.url,
        orchestrationUrl: "http://127.0.0.1:9/unused",
        webhookSecret: "promotion-test-signing-secret",
        auditLog: path.join(workRoot, `audit-${stack}.jsonl`),
      });
      await project.pulumi("up", "--stack", stack, "--yes", "--skip-preview");
    }
  }, 300_000);

  afterAll(async () => {
    for (const sim of Object.values(sims)) await sim.close();
    rmSync(workRoot, { recursive: true, force: true });
  });

  it("starts with both stacks equal", async () => {
    const result = await compare(project, "dev", "staging");
    expect(result.out).toContain("dev and staging run the same rule set.");
    expect(result.code).toBe(0);
  });

  it("dev up applies the change; staging preview shows exactly that change; staging up makes them equal", async () => {
    const voice = path.join(project.dir, "rules", "voice.ts");
    const edited = readFileSync(voice, "utf8")
      .replace(`{ queue: "vip-pool-1", weight: 70, capacity: 50 }`, `{ queue: "vip-pool-1", weight: 60, capacity: 50 }`)
      .replace(`{ queue: "vip-pool-2", weight: 30, capacity: 30 }`, `{ queue: "vip-pool-2", weight: 40, capacity: 30 }`);
    expect(edited).not.toBe(readFileSync(voice, "utf8"));
    writeFileSync(voice, edited);

    const devUp = await project.pulumi("up", "--stack", "dev", "--yes", "--skip-preview");
    expect(devUp).toMatch(/~ 1 updated/);

    const differ = await compare(project, "dev", "staging");
    expect(differ.code).toBe(1);
    expect(differ.out).toContain("1 rule(s) differ between dev and staging");
    expect(differ.out).toContain("~ voice-vip:");
    expect(differ.out).toContain("targets:");

    const stagingRequests = sims.staging!.admin.requests().length;
    const preview = await project.pulumi("preview", "--stack", "staging", "--diff");
    // Only the changed rule (and the stack's ruleSet output) differ; nothing is created or deleted.
    const changed = [
      ...preview.matchAll(/~ pulumi-nodejs:dynamic\/cxone:\w+: \(update\)\s*\n(?:\s*\[id=[^\]]*\]\s*\n)?\s*\[urn=[^\]]*::([\w-]+)\]/g),
    ].map((m) => m[1]);
    expect(changed).toEqual(["voice-vip"]);
    expect(preview).toMatch(/~ weight\s*: 70 => 60/);
    expect(preview).toMatch(/~ weight\s*: 30 => 40/);
    expect(preview).not.toMatch(/^\s*[+-]\s+pulumi-nodejs:dynamic/m);
    expect(preview).toMatch(/~ 1 to update/);
    expect(preview).toMatch(/7 unchanged/);
    // Preview never writes.
    expect(
      sims
        .staging!.admin.requests()
        .slice(stagingRequests)
        .filter((r) => r.method !== "GET"),
    ).toEqual([]);

    const stagingUp = await project.pulumi("up", "--stack", "staging", "--yes", "--skip-preview");
    expect(stagingUp).toMatch(/~ 1 updated/);
    const equal = await compare(project, "dev", "staging");
    expect(equal.out).toContain("dev and staging run the same rule set.");
    expect(equal.code).toBe(0);
    const vip = sims.staging!.admin.state().rules.find((r) => r.name === "VIP Customer Priority Routing")!;
    expect(vip.targets.map((t) => t.weight).sort()).toEqual([40, 60]);
  });
});
