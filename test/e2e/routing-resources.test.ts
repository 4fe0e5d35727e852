import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { createTestStack, type TestStack } from "./harness";
import { startOrchestrationEndpoint } from "../../demo/orchestration-endpoint";

// The program loads the package the way a user's program does: by name, from dist.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cxone = require("pulumi-cxone-routing") as typeof import("../../provider");

const CLIENT_SECRET = "cs-e2e-7f3a9c1d-never-in-state";
const WEBHOOK_SECRET = "whsec-e2e-5b2d8e4f1a-never-in-state";
const RULES = "/api/v2/routing/interactionroutingrules";

interface ProgramKnobs {
  vipWeight: number;
}

function program(knobs: ProgramKnobs, receiverUrl: string) {
  return cxone.routingProgram(() => {
    const hook = new cxone.Webhook(
      "sync",
      {
        name: "RoutingRuleSync",
        targetURL: receiverUrl,
        eventFilter: ["routing.rule.created", "routing.rule.updated"],
        secret: WEBHOOK_SECRET,
      },
      {},
    );
    // Rules go after the webhook, so that it receives their created events.
    const afterHook = { dependsOn: [hook] };
    // Forward reference by name: "general" is declared below.
    const overflow = new cxone.RoutingRule("overflow", {
      name: "Overflow",
      priority: 50,
      interactionType: "voice",
      conditions: [{ field: "queueWaitSeconds", operator: "greaterThan", value: 300 }],
      targets: [{ type: "queue", id: "queue-overflow", weight: 100, capacity: 20 }],
      fallback: "general",
    }, afterHook);
    const vip = new cxone.RoutingRule("vip", {
      name: "VIP Customer Priority Routing",
      description: "Routes high-value interactions to dedicated agent pools",
      priority: 10,
      interactionType: "voice",
      conditions: [
        { field: "customerSegment", operator: "equals", value: "vip" },
        { field: "callDuration", operator: "lessThan", value: 120 },
      ],
      targets: [
        { type: "queue", id: "queue-vip-pool-01", weight: knobs.vipWeight, capacity: 50 },
        { type: "queue", id: "queue-vip-pool-02", weight: 100 - knobs.vipWeight, capacity: 30 },
      ],
      fallback: overflow,
    }, afterHook);
    const general = new cxone.RoutingRule("general", {
      name: "General Routing",
      priority: 100,
      interactionType: "voice",
      targets: [{ type: "queue", id: "queue-general", weight: 100, capacity: 200 }],
    }, afterHook);
    return { vipId: vip.id, overflowId: overflow.id, generalId: general.id, hookId: hook.id, vipFallback: vip.fallbackRuleId };
  });
}

describe("RoutingRule and Webhook through the real engine", () => {
  let sim: RunningSimulator;
  let receiver: Awaited<ReturnType<typeof startOrchestrationEndpoint>>;
  let t: TestStack;
  const knobs: ProgramKnobs = { vipWeight: 70 };

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, clientSecret: CLIENT_SECRET });
    receiver = await startOrchestrationEndpoint(WEBHOOK_SECRET);
    t = await createTestStack({ projectName: "routing-resources", program: program(knobs, receiver.url) });
    await t.useSimulator(sim.url, CLIENT_SECRET);
  });

  afterAll(async () => {
    await t?.cleanup();
    await receiver?.close();
    await sim?.close();
  });

  it("up creates three rules with fallbacks by resource and by name, and a webhook", async () => {
    const up = await t.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 5 });
    const state = sim.admin.state();
    expect(state.rules).toHaveLength(3);
    const byName = Object.fromEntries(state.rules.map((r: any) => [r.name, r]));
    expect(byName["VIP Customer Priority Routing"].fallbackRuleId).toBe(up.outputs.overflowId!.value);
    expect(byName["Overflow"].fallbackRuleId).toBe(up.outputs.generalId!.value);
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
    const preview = await t.preview();
    expect(preview.changeSummary).toEqual({ same: 5 });
  });

  it("a weight change is an in-place update: one PUT with the state's ETag, no GET", async () => {
    const before = sim.admin.requests().length;
    const vipBefore = sim.admin.state().rules.find((r: any) => r.name === "VIP Customer Priority Routing") as any;
    knobs.vipWeight = 60;
    const up = await t.up();
    expect(up.summary.resourceChanges).toEqual({ update: 1, same: 4 });
    const api = sim.admin.requests().slice(before).filter((r) => r.template.startsWith("/api/"));
    expect(api.map((r) => `${r.method} ${r.template} ${r.status}`)).toEqual([`PUT ${RULES}/{id} 200`]);
    expect(api[0]!.ifMatch).toBe(vipBefore.etag);
    const vip = sim.admin.state().rules.find((r: any) => r.name === "VIP Customer Priority Routing") as any;
    expect(vip.targets.map((x: any) => x.weight).sort()).toEqual([40, 60]);
  });

  it("an out-of-band edit stops up with the drift message and leaves the server's rule as edited", async () => {
    const vip = sim.admin.state().rules.find((r: any) => r.name === "VIP Customer Priority Routing") as any;
    const edited = await sim.admin.editRule(vip.id, { description: "edited in the CXone console" });
    knobs.vipWeight = 55;
    await expect(t.up()).rejects.toThrow(/changed outside Pulumi since the last refresh/);
    expect(t.output()).toContain(`server ETag ${edited.etag}`);
    expect(t.output()).toContain("pulumi refresh");
    const after = sim.admin.state().rules.find((r: any) => r.id === vip.id) as any;
    expect(after.etag).toBe(edited.etag);
    expect(after.description).toBe("edited in the CXone console");
  });

  it("refresh then up succeeds and restores the program's version", async () => {
    const refresh = await t.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    const up = await t.up();
    expect(up.summary.result).toBe("succeeded");
    const vip = sim.admin.state().rules.find((r: any) => r.name === "VIP Customer Priority Routing") as any;
    expect(vip.description).toBe("Routes high-value interactions to dedicated agent pools");
    expect(vip.targets.map((x: any) => x.weight).sort()).toEqual([45, 55]);
    const preview = await t.preview();
    expect(preview.changeSummary).toEqual({ same: 5 });
  });

  it("the state holds neither secret, in plain text or base64, and a small __provider", async () => {
    const text = JSON.stringify(await t.exportStack());
    for (const secret of [CLIENT_SECRET, WEBHOOK_SECRET]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString("base64"));
    }
    const state = await t.exportStack();
    const providers = state.resources.filter((r: any) => r.inputs?.__provider).map((r: any) => r.inputs.__provider.length);
    expect(providers.length).toBe(4);
    for (const size of providers) expect(size).toBeLessThan(4000);
    console.log(`__provider text per resource: ${providers.join(", ")} characters`);
  });

  it("destroy removes everything", async () => {
    const destroy = await t.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(sim.admin.state().rules).toEqual([]);
    expect(sim.admin.state().webhooks).toEqual([]);
  });
});
