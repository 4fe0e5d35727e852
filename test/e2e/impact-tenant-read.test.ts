import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiRequests } from "../helpers/simulator-requests";

const RULES = "/api/v2/routing/interactionroutingrules";

/** A tenant of `count` rules other teams manage: more than one page of the listing (100 per page). */
function otherRules(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `Other team ${i}`,
    priority: 500 + i,
    enabled: true,
    interactionType: "chat" as const,
    conditions: [],
    targets: [{ type: "queue" as const, id: `queue-other-${i}`, weight: 100, capacity: 1 }],
  }));
}

describe("preview of a program with a remote fallback and routing tests", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "impact-tenant-read", program: "impact-tenant-read" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("reads the tenant once: one paged listing serves the remote fallback check and the impact report", async () => {
    const seeded = await sim.admin.seed({ rules: otherRules(150) });
    await p.config("remoteFallback", seeded.rules[0]!.id);
    await p.up();
    const before = sim.admin.requests().length;

    const preview = await p.preview();
    expect(preview.code).toBe(0);
    expect(preview.printed).toMatch(/routing impact: \d+ of 1 interaction\(s\) \(1 test case\(s\)\)/);
    const calls = apiRequests(sim, before);
    // 151 rules: a listing is 2 pages. The provider reads nothing at a no-op preview, so every
    // page here is the program's: 2 when both checks share one listing, 4 when each lists.
    const pages = calls.filter((r) => r.method === "GET" && r.template === RULES);
    expect(pages.map((r) => r.query)).toEqual(["?skip=0&top=100", "?skip=100&top=100"]);
    expect(calls.filter((r) => r.method !== "GET")).toEqual([]);
  });
});
