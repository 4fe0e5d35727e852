import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { packageRoot } from "../../tools/engine";
import { ensureExampleInstalled } from "../../demo/example-install";
import { copyExampleProject, initExampleStack, type ExampleProject } from "../../demo/example-project";
import { cxoneRouting, promote } from "../helpers/example-commands";
import { apiWrites } from "../helpers/simulator-requests";

const example = path.join(packageRoot(), "examples", "routing-infra");
const VIP = "VIP Customer Priority Routing";

describe("examples/routing-infra: promotion of exactly what dev runs, compare and drift against the tenants", () => {
  const workRoot = path.join(packageRoot(), ".e2e", `promotion-${process.pid}`);
  const sims: Record<string, RunningSimulator> = {};
  let project: ExampleProject;
  const voiceFile = () => path.join(project.dir, "rules", "voice.ts");
  const editVoice = (from: string, to: string) => {
    const before = readFileSync(voiceFile(), "utf8");
    expect(before).toContain(from);
    writeFileSync(voiceFile(), before.replace(from, to));
  };

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

  it("an installed package keeps the state lean: the serialized provider is one require", async () => {
    const state = JSON.parse(await project.pulumi("stack", "export", "--stack", "dev")).deployment;
    const providers = state.resources.filter((r: { inputs?: { __provider?: string } }) => r.inputs?.__provider);
    expect(providers.length).toBe(7);
    for (const r of providers) {
      expect(r.inputs.__provider).toMatch(/require\("pulumi-cxone-routing\/shells\/(routing-rule|webhook)"\)/);
      expect(r.inputs.__provider.length).toBeLessThan(600);
    }
    console.log(
      `__provider per resource in an installed package: ${providers.map((r: { inputs: { __provider: string } }) => r.inputs.__provider.length).join(", ")} characters`,
    );
  });

  it("compare reads both tenants and finds them equal", async () => {
    const result = await cxoneRouting(project, "compare", "dev", "staging");
    expect(result.stdout).toContain("dev and staging run the same rule set (read from both tenants).");
    expect(result.code).toBe(0);
  });

  it("a change deployed to dev is promoted: staging's plan shows exactly it, --yes applies it", async () => {
    editVoice(`{ queue: "vip-pool-1", weight: 70, capacity: 50 }`, `{ queue: "vip-pool-1", weight: 60, capacity: 50 }`);
    editVoice(`{ queue: "vip-pool-2", weight: 30, capacity: 30 }`, `{ queue: "vip-pool-2", weight: 40, capacity: 30 }`);
    expect(await project.pulumi("up", "--stack", "dev", "--yes", "--skip-preview")).toMatch(/~ 1 updated/);

    const differ = await cxoneRouting(project, "compare", "dev", "staging");
    expect(differ.code).toBe(1);
    expect(differ.stdout).toContain("1 object(s) differ between what dev and staging run");
    expect(differ.stdout).toContain("~ voice-vip:");
    expect(differ.stdout).toContain("targets:");

    const stagingRequests = sims.staging!.admin.requests().length;
    const plan = await promote(project, "dev", "staging");
    expect(plan.code, plan.stderr).toBe(0);
    const changed = [
      ...plan.stdout.matchAll(/~ pulumi-nodejs:dynamic\/cxone:\w+: \(update\)\s*\n(?:\s*\[id=[^\]]*\]\s*\n)?\s*\[urn=[^\]]*::([\w-]+)\]/g),
    ].map((m) => m[1]);
    expect(changed).toEqual(["voice-vip"]);
    expect(plan.stdout).toMatch(/~ weight\s*: 70 => 60/);
    expect(plan.stdout).toMatch(/~ weight\s*: 30 => 40/);
    expect(plan.stdout).not.toMatch(/^\s*[+-]\s+pulumi-nodejs:dynamic/m);
    expect(plan.stdout).toContain("Re-run with --yes");
    expect(apiWrites(sims.staging!, stagingRequests)).toEqual([]);

    const applied = await promote(project, "dev", "staging", "--yes");
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/staging now runs rule set [0-9a-f]{12}, as dev does/);
    const vip = sims.staging!.admin.state().rules.find((r) => r.name.startsWith(VIP))!;
    expect(vip.targets.map((t) => t.weight).sort()).toEqual([40, 60]);
    const equal = await cxoneRouting(project, "compare", "dev", "staging");
    expect(equal.stdout).toContain("dev and staging run the same rule set");
    expect(equal.code).toBe(0);
  });

  it("explain walks an interaction through the tenant's rules, and through the state with --program", async () => {
    const vip = '{"interactionType":"voice","attributes":{"customerSegment":"vip","callDuration":45}}';
    const tenant = await cxoneRouting(project, "explain", "--stack", "dev", vip);
    expect(tenant.code, tenant.stdout + tenant.stderr).toBe(0);
    expect(tenant.stdout).toContain("against stack dev's tenant (");
    // Names as the program knows them (dev's owner tag removed); queue ids as dev's config maps them.
    expect(tenant.stdout).toContain(`route: "${VIP}" -> queue q-dev-vip-01 `);
    const declared = await cxoneRouting(project, "explain", "--stack", "dev", vip, "--program");
    expect(declared.code, declared.stdout + declared.stderr).toBe(0);
    expect(declared.stdout).toContain("against stack dev's declared state (");
    expect(declared.stdout).toContain(`route: "${VIP}" -> queue `);

    // Too long a call for the VIP rule: the explanation says which condition failed.
    const long = await cxoneRouting(
      project,
      "explain",
      "--stack",
      "dev",
      '{"interactionType":"voice","attributes":{"customerSegment":"vip","callDuration":300}}',
    );
    expect(long.stdout).toMatch(/callDuration .*does not hold \(given 300\)/);
    expect(long.stdout).not.toContain(`route: "${VIP}`);

    const bad = await cxoneRouting(project, "explain", "--stack", "dev", "not json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("the interaction is not JSON");
  });

  it("an unreviewed working-tree change is refused before anything reaches staging", async () => {
    editVoice(`description: "Routes high-value interactions to dedicated agent pools"`, `description: "unreviewed edit"`);
    const before = sims.staging!.admin.requests().length;
    const refused = await promote(project, "dev", "staging", "--yes");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("promotion refused: the working tree's rule set");
    expect(refused.stderr).toContain("description");
    expect(apiWrites(sims.staging!, before)).toEqual([]);
    expect(sims.staging!.admin.state().rules.find((r) => r.name.startsWith(VIP))!.description).toBe(
      "Routes high-value interactions to dedicated agent pools",
    );
    editVoice(`description: "unreviewed edit"`, `description: "Routes high-value interactions to dedicated agent pools"`);
  });

  it("a console edit on staging shows in compare and in drift (text and --json), with a non-zero exit", async () => {
    const vip = sims.staging!.admin.state().rules.find((r) => r.name.startsWith(VIP))!;
    await sims.staging!.admin.editRule(vip.id, { enabled: false });

    const compared = await cxoneRouting(project, "compare", "dev", "staging");
    expect(compared.code).toBe(1);
    expect(compared.stdout).toContain("~ voice-vip:");
    expect(compared.stdout).toContain("enabled: staging false -> dev true");
    expect(compared.stdout).toContain("! staging voice-vip: enabled: declared true, tenant runs false");

    const drift = await cxoneRouting(project, "drift", "--stack", "staging");
    expect(drift.code, drift.stdout + drift.stderr).toBe(1);
    expect(drift.stdout).toContain(`RoutingRule "voice-vip" "${VIP}" (id ${vip.id}): CHANGED OUTSIDE PULUMI; program: no change`);
    expect(drift.stdout).toContain("enabled: state true -> tenant false");
    expect(drift.stdout).toContain("1 changed outside Pulumi");

    const json = await cxoneRouting(project, "drift", "--stack", "staging", "--json", "--no-program");
    const report = JSON.parse(json.stdout);
    expect(report.drifted).toBe(true);
    expect(
      report.entries.filter((e: { tenant: string }) => e.tenant === "changed-outside").map((e: { logicalName: string }) => e.logicalName),
    ).toEqual(["voice-vip"]);

    const clean = await cxoneRouting(project, "drift", "--stack", "dev", "--no-program");
    expect(clean.stdout).toContain("0 changed outside Pulumi");
    expect(clean.code).toBe(0);
  });

  it("a stack that does not exist is a clear error, not 'only in dev'", async () => {
    const result = await cxoneRouting(project, "compare", "dev", "nope");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stack "nope" was not found');
    expect(result.stdout).not.toContain("only in");
  });
});
