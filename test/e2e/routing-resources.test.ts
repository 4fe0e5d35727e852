import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { startOrchestrationEndpoint } from "../../demo/orchestration-endpoint";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiRequests } from "../helpers/simulator-requests";

const CLIENT_SECRET = "cs-e2e-7f3a9c1d-never-in-state";
const WEBHOOK_SECRET = "whsec-e2e-5b2d8e4f1a-never-in-state";
const RULES = "/api/v2/routing/interactionroutingrules";

describe("RoutingRule and Webhook through the real engine", () => {
  let sim: RunningSimulator;
  let receiver: Awaited<ReturnType<typeof startOrchestrationEndpoint>>;
  let p: PulumiProject;
  const printed: string[] = [];
  const vipRule = () => sim.admin.state().rules.find((r) => r.name === "VIP Customer Priority Routing")!;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, clientSecret: CLIENT_SECRET });
    receiver = await startOrchestrationEndpoint(WEBHOOK_SECRET);
    p = await createPulumiProject({ name: "routing-resources", program: "routing-resources" });
    await p.useSimulator(sim.url, CLIENT_SECRET);
    await p.config("receiverUrl", receiver.url);
    await p.config("webhookSecret", WEBHOOK_SECRET, { secret: true });
    await p.config("vipWeight", "70");
  });

  afterAll(async () => {
    p?.cleanup();
    await receiver?.close();
    await sim?.close();
  });

  it("up creates three rules with fallbacks by resource and by name, and a webhook", async () => {
    printed.push((await p.up()).printed);
    expect(await p.lastChanges()).toEqual({ create: 5 });
    const outputs = await p.outputs();
    const state = sim.admin.state();
    expect(state.rules).toHaveLength(3);
    const byName = Object.fromEntries(state.rules.map((r: any) => [r.name, r]));
    expect(byName["VIP Customer Priority Routing"].fallbackRuleId).toBe(outputs.overflowId);
    expect(byName["Overflow"].fallbackRuleId).toBe(outputs.generalId);
    expect(state.webhooks).toHaveLength(1);
    // The engine created the fallback targets first (dependency order).
    const posts = sim.admin.requests().filter((r) => r.method === "POST" && r.template === RULES);
    expect(posts.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it("the webhook receives signed routing.rule.created events", async () => {
    await sim.admin.flushDeliveries();
    const created = receiver.events.filter((e) => e.type === "routing.rule.created");
    expect(created.map((e) => e.ruleName).sort()).toEqual(["General Routing", "Overflow", "VIP Customer Priority Routing"]);
    expect(created.every((e) => e.verified)).toBe(true);
    expect(sim.admin.deliveries().every((d) => d.delivered)).toBe(true);
  });

  it("a second preview shows no change", async () => {
    const preview = await p.preview();
    expect(preview.printed).toContain("5 unchanged");
    expect(preview.printed).not.toMatch(/to update|to create|to delete/);
  });

  it("a weight change is an in-place update: one PUT with the state's ETag, no GET", async () => {
    const before = sim.admin.requests().length;
    const vipBefore = vipRule();
    await p.config("vipWeight", "60");
    await p.up();
    expect(await p.lastChanges()).toEqual({ update: 1, same: 4 });
    const api = apiRequests(sim, before);
    expect(
      api.map((r) => `${r.method} ${r.template} ${r.status}`),
      JSON.stringify(api.map((r) => r.path)),
    ).toEqual([`PUT ${RULES}/{id} 200`]);
    expect(api[0]!.ifMatch).toBe(vipBefore.etag);
    expect(
      vipRule()
        .targets.map((x) => x.weight)
        .sort(),
    ).toEqual([40, 60]);
  });

  it("an out-of-band edit stops up with the drift message and leaves the server's rule as edited", async () => {
    const vip = vipRule();
    const edited = await sim.admin.editRule(vip.id, { description: "edited in the CXone console" });
    await p.config("vipWeight", "55");
    const up = await p.run("up", "--yes", "--skip-preview");
    printed.push(up.printed);
    expect(up.code).not.toBe(0);
    expect(up.printed).toMatch(/changed outside Pulumi since the last refresh/);
    expect(up.printed).toContain(`server ETag ${edited.etag}`);
    expect(up.printed).toContain("pulumi refresh");
    const after = sim.admin.state().rules.find((r) => r.id === vip.id)!;
    expect(after.etag).toBe(edited.etag);
    expect(after.description).toBe("edited in the CXone console");
  });

  it("refresh then up succeeds and restores the program's version", async () => {
    await p.refresh();
    await p.up();
    const vip = vipRule();
    expect(vip.description).toBe("Routes high-value interactions to dedicated agent pools");
    expect(vip.targets.map((x) => x.weight).sort()).toEqual([45, 55]);
    const preview = await p.preview();
    expect(preview.printed).toContain("5 unchanged");
  });

  it("the state holds neither secret, in plain text or base64, and a small __provider", async () => {
    const state = await p.exportStack();
    const text = JSON.stringify(state);
    for (const secret of [CLIENT_SECRET, WEBHOOK_SECRET]) {
      for (const seen of [text, ...printed]) {
        expect(seen).not.toContain(secret);
        expect(seen).not.toContain(Buffer.from(secret).toString("base64"));
      }
    }
    const providers = state.resources.filter((r) => r.inputs?.__provider).map((r) => String(r.inputs.__provider).length);
    expect(providers.length).toBe(4);
    for (const size of providers) expect(size).toBeLessThan(4000);
    console.log(`__provider text per resource: ${providers.join(", ")} characters`);
  });

  it("destroy removes everything", async () => {
    await p.destroy();
    expect(await p.lastChanges()).toEqual({ delete: 5 });
    expect(sim.admin.state().rules).toEqual([]);
    expect(sim.admin.state().webhooks).toEqual([]);
  });
});
