import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";
import { rule, lane, type RuleData } from "../helpers/rules";

// Issue 11, section 2: adoption shows what it changes, writes nothing when identical, and never
// overwrites an edit made after the review.
describe("adoption at preview: reviewed field by field, guarded by the ETag preview read", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let legacyId = "";
  let identicalId = "";
  const program = {
    key: "after-hours",
    ...rule({
      name: "Legacy After Hours",
      priority: 900,
      description: "now managed by Pulumi",
      conditions: [{ field: "afterHours", operator: "equals", value: true }],
      targets: [{ type: "queue", id: "queue-night", weight: 100, capacity: 5 }],
    }),
  };
  const twin = { key: "twin", ...rule({ name: "Twin", priority: 800, ...lane("twin") }) };
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));
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
          conditions: [{ field: "afterHours", operator: "equals", value: true }],
          targets: [{ type: "queue", id: "queue-night", weight: 100, capacity: 9 }],
        },
        { name: "Twin", priority: 800, enabled: true, interactionType: "voice", conditions: twin.conditions!, targets: twin.targets },
      ],
    });
    legacyId = seeded.rules[0]!.id;
    identicalId = seeded.rules[1]!.id;
    p = await createPulumiProject({ name: "preview-adoption", program: "rules-as-data" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("two resources claiming one CXone id fail preview, naming both", async () => {
    await setRules([
      { ...program, adoptId: legacyId },
      { ...twin, adoptId: legacyId },
    ]);
    const preview = await p.run("preview", "--diff");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toMatch(/"after-hours"[\s\S]*"twin"|"twin"[\s\S]*"after-hours"/);
    expect(preview.printed).toContain(`"${legacyId}" is also the adoptId of RoutingRule`);
    expect(apiWrites(sim)).toEqual([]);
  });

  it("preview reports what taking the object over changes, field by field, and writes nothing", async () => {
    await setRules([
      { ...program, adoptId: legacyId },
      { ...twin, adoptId: identicalId },
    ]);
    const preview = await p.preview();
    expect(preview.printed).toContain(
      `RoutingRule "after-hours" adopts CXone object ${legacyId} ("Legacy After Hours"); taking it over changes 2 field(s):`,
    );
    expect(preview.printed).toMatch(/description: "built in the console" => "now managed by Pulumi"/);
    expect(preview.printed).toMatch(/targets: .*"capacity":9.* => .*"capacity":5/);
    expect(preview.printed).toContain(
      `RoutingRule "twin" adopts CXone object ${identicalId} ("Twin"): it already equals the program, so adopting it writes nothing.`,
    );
    // The line that pins the review, for wherever `up` runs.
    expect(preview.printed).toContain(`pin it in the program: adoptEtag: ${JSON.stringify(legacy().etag)}`);
    expect(apiWrites(sim)).toEqual([]);
  });

  it("an edit made in the console after the reviewed preview is refused at up, not overwritten", async () => {
    // The reviewer's pin goes into the program (here: the rules data) with the pull request.
    await setRules([
      { ...program, adoptId: legacyId, adoptEtag: legacy().etag },
      { ...twin, adoptId: identicalId },
    ]);
    await sim.admin.editRule(legacyId, { description: "edited after the review" });
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(up.printed).toContain(`the object ${legacyId} changed in CXone since the reviewed preview read it`);
    expect(up.printed).toContain("set adoptEtag:");
    expect(legacy().description).toBe("edited after the review");
    expect(sim.admin.state().rules).toHaveLength(2);
  });

  it("preview names the edit and the new pin; after it, up adopts: the reviewed rule is written once, the identical one not at all", async () => {
    const stale = await p.run("preview", "--diff");
    expect(stale.code).not.toBe(0);
    expect(stale.printed).toMatch(/description: "edited after the review" => "now managed by Pulumi"/);
    expect(stale.printed).toContain(`set adoptEtag: ${JSON.stringify(legacy().etag)}`);
    await setRules([
      { ...program, adoptId: legacyId, adoptEtag: legacy().etag },
      { ...twin, adoptId: identicalId },
    ]);
    const preview = await p.preview();
    expect(preview.printed).toContain("Pinned: adoptEtag");
    const before = sim.admin.requests().length;
    await p.up();
    const writes = apiWrites(sim, before);
    expect(writes.map((w) => `${w.method} ${w.path.split("/").pop()}`)).toEqual([`PUT ${legacyId}`]);
    expect(legacy().description).toBe("now managed by Pulumi");
    expect(legacy().targets[0]!.capacity).toBe(5);
    expect(sim.admin.state().rules).toHaveLength(2);
    const after = await p.preview();
    expect(after.printed).toContain("3 unchanged");
    expect(after.printed).not.toContain("adopts CXone object");
  });
});
