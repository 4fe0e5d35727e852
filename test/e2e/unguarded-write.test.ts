import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { lane, rule, type RuleData } from "../helpers/rules";
import { apiWrites } from "../helpers/simulator-requests";

/**
 * Issue 22: no write without If-Match, even when the state holds no ETag (a state written by an
 * early version, or edited by hand). Plain `pulumi` throughout; the ETags are taken out of the
 * state with `pulumi stack export` / `pulumi stack import`, as a user would edit it.
 */
describe("a state without ETags never leads to an unconditional write", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  const edited = { key: "edited", ...rule({ name: "Edited", priority: 10, ...lane("edited") }) } as RuleData;
  const untouched = { key: "untouched", ...rule({ name: "Untouched", priority: 20, ...lane("untouched") }) } as RuleData;
  const setRules = (rules: RuleData[]) => p.config("rules", JSON.stringify(rules));
  const live = (name: string) => sim.admin.state().rules.find((r) => r.name === name)!;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "unguarded-write", program: "rules-as-data" });
    await p.useSimulator(sim.url);
    await setRules([edited, untouched]);
    await p.up();
    // Drop every ETag from the state.
    const exported = JSON.parse((await p.ok("stack", "export")).stdout);
    for (const resource of exported.deployment.resources) if (resource.outputs) delete resource.outputs.etag;
    const file = path.join(p.dir, "no-etags.json");
    writeFileSync(file, JSON.stringify(exported));
    await p.ok("stack", "import", "--file", file);
    expect(JSON.stringify((await p.exportStack()).resources)).not.toMatch(/"etag"/);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("an object edited in the console is refused as an out-of-band change; nothing is written", async () => {
    await sim.admin.editRule(live("Edited").id, { description: "made in the console" });
    await setRules([{ ...edited, priority: 11 }, untouched]);
    const before = sim.admin.requests().length;
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code).not.toBe(0);
    expect(up.printed).toContain('RoutingRule "Edited"');
    expect(up.printed).toContain("was changed outside Pulumi since the last refresh");
    expect(up.printed).not.toContain("read the object first and pass that ETag");
    expect(apiWrites(sim, before)).toEqual([]);
    expect(live("Edited").description).toBe("made in the console");
    expect(live("Edited").priority).toBe(10);
  });

  it("an unchanged object is written with the ETag just read as If-Match", async () => {
    await setRules([edited, { ...untouched, priority: 21 }]);
    const etag = live("Untouched").etag;
    const before = sim.admin.requests().length;
    await p.up();
    const writes = apiWrites(sim, before);
    expect(writes.map((w) => [w.method, w.ifMatch])).toEqual([["PUT", etag]]);
    expect(live("Untouched").priority).toBe(21);
  });
});
