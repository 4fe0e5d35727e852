import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { backendStateDir, deleteEmptyMetadata, emptyMetadataFiles } from "../helpers/backend-files";
import { freshRunners, type FreshRunners } from "../helpers/fresh-runners";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

/**
 * Issue 19: every promise holds when each `pulumi` command runs on a new runner (a fresh checkout,
 * a new Pulumi home, nothing of the last job's project folder) with the same file backend.
 */
async function repository(name: string, program: string, sim: RunningSimulator): Promise<{ repo: PulumiProject; ci: FreshRunners }> {
  const repo = await createPulumiProject({ name, program });
  await repo.useSimulator(sim.url);
  // The default place, inside the checkout: each runner writes its own and throws it away.
  await repo.config("cxone:auditLog", ".cxone/audit.jsonl");
  return { repo, ci: freshRunners(repo) };
}

describe("fresh runners: an up killed at about 30% recovers with the documented steps", () => {
  const RULES = 100;
  let sim: RunningSimulator;
  let repo: PulumiProject;
  let ci: FreshRunners;
  let killedAt = 0;
  let orphansBefore = 0;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    ({ repo, ci } = await repository("fresh-killed-up", "many-rules", sim));
    await repo.config("cxone:rateLimitPerMinute", "off");
    await repo.config("count", String(RULES));
  });
  afterAll(async () => {
    repo?.cleanup();
    await sim?.close();
  });

  it("a job killed after about 30 of 100 creates leaves rules the state does not hold", async () => {
    const abort = new AbortController();
    const watch = setInterval(() => {
      if (sim.admin.state().rules.length >= 30) {
        killedAt = sim.admin.state().rules.length;
        abort.abort();
      }
    }, 5);
    const up = await ci.killable(abort.signal, "up", "--yes", "--skip-preview");
    clearInterval(watch);
    expect(up.code).toBe(137);
    expect(killedAt).toBeGreaterThanOrEqual(30);
    expect(killedAt).toBeLessThan(RULES);
    let state = await ci.run("stack", "export");
    if (/: EOF\b/.test(state.printed)) {
      // The kill landed while the file backend rewrote a metadata file: the docs' step first.
      deleteEmptyMetadata(repo);
      state = await ci.run("stack", "export");
    }
    expect(state.code, state.printed).toBe(0);
    const held = (JSON.parse(state.stdout).deployment.resources ?? []).filter((r: { type: string }) => r.type.endsWith("RoutingRule"));
    // Orphans: in CXone, not in the state.
    orphansBefore = sim.admin.state().rules.length - held.length;
    expect(orphansBefore).toBeGreaterThan(0);
  });

  it("cancel, refresh --clear-pending-creates, up, each on a new runner: 0 duplicates, 0 orphans, no program edit", async () => {
    const cancel = await ci.run("cancel", "--yes");
    if (/: EOF\b/.test(cancel.printed)) {
      // The kill landed while the file backend rewrote a metadata file: the docs' step, then cancel.
      expect(emptyMetadataFiles(backendStateDir(repo)).length).toBeGreaterThan(0);
      deleteEmptyMetadata(repo);
      await ci.ok("cancel", "--yes");
    } else {
      expect(cancel.code, cancel.printed).toBe(0);
    }
    await ci.ok("refresh", "--yes", "--skip-preview", "--clear-pending-creates");
    const up = await ci.run("up", "--yes", "--skip-preview");
    expect(up.code, up.printed).toBe(0);
    const rules = sim.admin.state().rules;
    expect(rules).toHaveLength(RULES);
    expect(new Set(rules.map((r) => r.name)).size).toBe(RULES);
    const deployment = JSON.parse((await ci.ok("stack", "export")).stdout).deployment;
    const ids = deployment.resources.filter((r: { type: string }) => r.type.endsWith("RoutingRule")).map((r: { id: string }) => r.id);
    expect(ids.sort()).toEqual(rules.map((r) => r.id).sort());
    expect(deployment.pending_operations ?? []).toEqual([]);
    const preview = await ci.run("preview", "--expect-no-changes");
    expect(preview.code, preview.printed).toBe(0);
    expect(ci.count()).toBeGreaterThanOrEqual(7);
    const orphansAfter = rules.filter((r) => !ids.includes(r.id)).length;
    expect(orphansAfter).toBe(0);
    // The figures the CI guide quotes, measured on this run.
    console.log(
      `fresh-runner recovery: killed at ${killedAt} of ${RULES} rules, orphans before ${orphansBefore}, orphans after ${orphansAfter}, ` +
        `duplicates ${rules.length - new Set(rules.map((r) => r.name)).size}, program edits 0, runners ${ci.count()}`,
    );
  });
});

describe("fresh runners: a logical rename with aliases", () => {
  let sim: RunningSimulator;
  let repo: PulumiProject;
  let ci: FreshRunners;
  const vip = { key: "vip", ...rule({ name: "VIP", priority: 10, ...lane("vip") }) };
  const general = { key: "general", ...rule({ name: "General", priority: 100, ...lane("general") }) };
  const setRules = (rules: RuleData[]) => repo.config("rules", JSON.stringify(rules));

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    ({ repo, ci } = await repository("fresh-rename", "rules-as-data", sim));
    await setRules([vip, general]);
    await ci.ok("up", "--yes", "--skip-preview");
  });
  afterAll(async () => {
    repo?.cleanup();
    await sim?.close();
  });

  it("the pull request's preview shows a move, the merge's up writes nothing, the rule keeps its id", async () => {
    const vipId = sim.admin.state().rules.find((r) => r.name === "VIP")!.id;
    await setRules([{ ...vip, key: "vip-voice", aliases: ["vip"] }, general]);
    const preview = await ci.ok("preview", "--diff");
    expect(preview.printed).not.toMatch(/to create|to delete/);
    const before = sim.admin.requests().length;
    await ci.ok("up", "--yes", "--skip-preview");
    expect(apiWrites(sim, before)).toEqual([]);
    expect(sim.admin.state().rules.map((r) => r.id)).toContain(vipId);
    const after = await ci.run("preview", "--expect-no-changes");
    expect(after.code, after.printed).toBe(0);
  });
});

describe("fresh runners: an adoption reviewed in one job and applied in another", () => {
  let sim: RunningSimulator;
  let repo: PulumiProject;
  let ci: FreshRunners;
  let legacyId = "";
  const program = {
    key: "after-hours",
    ...rule({ name: "Legacy After Hours", priority: 900, ...lane("after-hours"), description: "now managed by Pulumi" }),
  };
  const setRules = (rules: RuleData[]) => repo.config("rules", JSON.stringify(rules));
  const legacy = () => sim.admin.state().rules.find((r) => r.id === legacyId)!;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    const seeded = await sim.admin.seed({
      rules: [
        {
          name: "Legacy After Hours",
          description: "built in the console",
          priority: 900,
          enabled: true,
          interactionType: "voice",
          conditions: program.conditions!,
          targets: program.targets,
        },
      ],
    });
    legacyId = seeded.rules[0]!.id;
    ({ repo, ci } = await repository("fresh-adoption", "rules-as-data", sim));
  });
  afterAll(async () => {
    repo?.cleanup();
    await sim?.close();
  });

  it("the PR job's preview reviews it and prints the pin; a console edit before the merge job is refused, nothing written", async () => {
    await setRules([{ ...program, adoptId: legacyId }]);
    const review = await ci.ok("preview", "--diff");
    expect(review.printed).toMatch(/description: "built in the console" => "now managed by Pulumi"/);
    const reviewed = legacy().etag;
    expect(review.printed).toContain(`adoptEtag: ${JSON.stringify(reviewed)}`);
    // The pull request carries the pin the reviewer saw.
    await setRules([{ ...program, adoptId: legacyId, adoptEtag: reviewed }]);
    await sim.admin.editRule(legacyId, { description: "edited after the review" });
    const before = sim.admin.requests().length;
    const merge = await ci.run("up", "--yes", "--skip-preview");
    expect(merge.code).not.toBe(0);
    expect(merge.printed).toContain(`the object ${legacyId} changed in CXone since the reviewed preview read it`);
    expect(apiWrites(sim, before)).toEqual([]);
    expect(legacy().description).toBe("edited after the review");
  });

  it("after a new review and pin, the merge job adopts it with one PUT guarded by the pinned ETag", async () => {
    const review = await ci.run("preview", "--diff");
    expect(review.code).not.toBe(0);
    expect(review.printed).toMatch(/description: "edited after the review" => "now managed by Pulumi"/);
    const pin = legacy().etag;
    expect(review.printed).toContain(`set adoptEtag: ${JSON.stringify(pin)}`);
    await setRules([{ ...program, adoptId: legacyId, adoptEtag: pin }]);
    const before = sim.admin.requests().length;
    await ci.ok("up", "--yes", "--skip-preview");
    const writes = apiWrites(sim, before);
    expect(writes.map((w) => [w.method, w.ifMatch])).toEqual([["PUT", pin]]);
    expect(legacy().description).toBe("now managed by Pulumi");
    const after = await ci.run("preview", "--expect-no-changes");
    expect(after.code, after.printed).toBe(0);
  });
});

describe("fresh runners: an adoption reviewed with a saved plan (preview --save-plan, up --plan)", () => {
  let sim: RunningSimulator;
  let repo: PulumiProject;
  let ci: FreshRunners;
  let legacyId = "";
  const program = { key: "legacy", ...rule({ name: "Legacy", description: "now managed by Pulumi" }) };
  const legacy = () => sim.admin.state().rules.find((r) => r.id === legacyId)!;
  // The PR job's artifact: outside every runner's checkout.
  const plan = () => `${repo.dir}-artifacts/plan.json`;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    legacyId = (await sim.admin.seed({ rules: [{ ...rule({ name: "Legacy" }), description: "built in the console" }] })).rules[0]!.id;
    ({ repo } = await repository("fresh-plan", "rules-as-data", sim));
    // `pulumi up --plan` is behind PULUMI_EXPERIMENTAL in engine 3.260.
    ci = freshRunners(repo, { env: { PULUMI_EXPERIMENTAL: "true" } });
    mkdirSync(path.dirname(plan()), { recursive: true });
    await repo.config("rules", JSON.stringify([{ ...program, adoptId: legacyId }]));
  });
  afterAll(async () => {
    rmSync(path.dirname(plan()), { recursive: true, force: true });
    repo?.cleanup();
    await sim?.close();
  });

  it("the merge job's up --plan refuses an object edited since the PR job saved the plan, nothing written", async () => {
    await ci.ok("preview", "--diff", "--save-plan", plan());
    await sim.admin.editRule(legacyId, { description: "edited after the review" });
    const before = sim.admin.requests().length;
    const merge = await ci.run("up", "--yes", "--plan", plan());
    expect(merge.code).not.toBe(0);
    expect(merge.printed).toMatch(/violates plan: properties changed: \+\+adoptEtag/);
    expect(apiWrites(sim, before)).toEqual([]);
    expect(legacy().description).toBe("edited after the review");
  });

  it("with a plan saved after the edit, up --plan adopts it with one PUT guarded by the reviewed ETag", async () => {
    await ci.ok("preview", "--diff", "--save-plan", plan());
    const reviewed = legacy().etag;
    const before = sim.admin.requests().length;
    await ci.ok("up", "--yes", "--plan", plan());
    expect(apiWrites(sim, before).map((w) => [w.method, w.ifMatch])).toEqual([["PUT", reviewed]]);
    expect(legacy().description).toBe("now managed by Pulumi");
  });
});
