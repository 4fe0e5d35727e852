import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { apiRequests } from "../helpers/simulator-requests";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";

const RULES = 150;
const COLLECTION = "/api/v2/routing/interactionroutingrules";

// Issue 16: `pulumi refresh` of N rules in ceil(N/100) list calls (plus a token), not N GETs.
describe(`pulumi refresh of ${RULES} rules reads the collection by pages`, () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    p = await createPulumiProject({ name: "refresh-by-pages", program: "many-rules" });
    await p.useSimulator(sim.url);
    await p.config("cxone:rateLimitPerMinute", "off");
    await p.config("count", String(RULES));
    await p.up();
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("costs 2 list calls and 1 token request, changes nothing, and a drift still shows", async () => {
    const since = sim.admin.requests().length;
    await p.refresh();
    const calls = sim.admin.requests().slice(since);
    expect(apiRequests(sim, since).map((r) => `${r.method} ${r.template}`)).toEqual([`GET ${COLLECTION}`, `GET ${COLLECTION}`]);
    expect(calls.filter((r) => !r.template.startsWith("/api/"))).toHaveLength(1);
    expect((await p.run("preview", "--expect-no-changes")).code).toBe(0);

    // An edit made in the console comes back through the listing.
    const rule = sim.admin.state().rules.find((r) => r.name === "Segment 7")!;
    await sim.admin.editRule(rule.id, { priority: 7 });
    await p.refresh();
    const preview = await p.run("preview", "--diff", "--expect-no-changes");
    expect(preview.code).not.toBe(0);
    expect(preview.printed).toMatch(/priority\s*:\s*7 => 1007/);
  });
});
