import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";

// Issue 15, long runs (opt-in: E2E_LONG=1 npm run test:e2e -- test/e2e/long-rate-limit.test.ts).
// The simulator enforces CXone's 100 requests/minute per client id, as the real platform does.

const MINUTES = 60_000;

/** 429s, and requests by status, from the simulator's request log counters ("METHOD template status"). */
function statusCounts(sim: RunningSimulator): { total: number; tooMany: number } {
  let total = 0;
  let tooMany = 0;
  for (const [key, count] of Object.entries(sim.admin.counters())) {
    if (!key.includes("/api/")) continue;
    total += count;
    if (key.endsWith(" 429")) tooMany += count;
  }
  return { total, tooMany };
}

/** Audit records of a stack: operations, failures and the attempts they took (retries = attempts - 1). */
function auditSummary(file: string): { records: number; failed: number; retries: number } {
  if (!existsSync(file)) return { records: 0, failed: 0, retries: 0 };
  const lines = readFileSync(file, "utf8").trim().split("\n").filter(Boolean);
  let failed = 0;
  let retries = 0;
  for (const line of lines) {
    const record = JSON.parse(line) as { status: "success" | "failure"; attempts?: number };
    if (record.status !== "success") failed++;
    retries += Math.max(0, (record.attempts ?? 1) - 1);
  }
  return { records: lines.length, failed, retries };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

describe.skipIf(!process.env.E2E_LONG)("long: two stacks x 100 rules on one client id at 100/min", () => {
  let sim: RunningSimulator;
  let a: PulumiProject;
  let b: PulumiProject;
  afterAll(async () => {
    a?.cleanup();
    await sim?.close();
  });

  it(
    "both ups at once, then both destroys at once: all succeed, no duplicate, tenant empty after",
    async () => {
      sim = await startSimulator({ port: 0, rateLimitPerMinute: 100 });
      a = await createPulumiProject({ name: "long-two-stacks", program: "many-rules", stack: "alpha" });
      b = await a.addStack("beta");
      for (const [stack, owner] of [
        [a, "alpha"],
        [b, "beta"],
      ] as const) {
        await stack.useSimulator(sim.url);
        await stack.config("cxone:owner", owner);
        await stack.config("count", "100");
      }

      let started = performance.now();
      const ups = await Promise.all([a.run("up", "--yes", "--skip-preview"), b.run("up", "--yes", "--skip-preview")]);
      const upSeconds = seconds(started);
      const afterUp = statusCounts(sim);
      for (const up of ups) expect(up.code, up.printed.slice(-3000)).toBe(0);
      const rules = sim.admin.state().rules;
      expect(rules).toHaveLength(200);
      expect(new Set(rules.map((r) => r.name)).size).toBe(200);
      for (const stack of [a, b]) {
        const state = await stack.exportStack();
        const ids = state.resources.filter((r) => r.type.endsWith("cxone:RoutingRule")).map((r) => r.id);
        expect(ids).toHaveLength(100);
        for (const id of ids) expect(rules.some((r) => r.id === id)).toBe(true);
      }

      started = performance.now();
      const destroys = await Promise.all([a.run("destroy", "--yes", "--skip-preview"), b.run("destroy", "--yes", "--skip-preview")]);
      const destroySeconds = seconds(started);
      for (const destroy of destroys) expect(destroy.code, destroy.printed.slice(-3000)).toBe(0);
      expect(sim.admin.state().rules).toHaveLength(0);
      const afterDestroy = statusCounts(sim);
      const audits = ["alpha", "beta"].map((stack) => auditSummary(path.join(a.dir, `audit-${stack}.jsonl`)));
      console.log(
        JSON.stringify({
          test: "two-stacks",
          upSeconds,
          destroySeconds,
          apiRequestsAfterUp: afterUp.total,
          http429AfterUp: afterUp.tooMany,
          apiRequestsTotal: afterDestroy.total,
          http429Total: afterDestroy.tooMany,
          audit: audits,
          duplicates: 200 - new Set(rules.map((r) => r.name)).size,
          leftInTenant: sim.admin.state().rules.length,
        }),
      );
    },
    30 * MINUTES,
  );
});

describe.skipIf(!process.env.E2E_LONG)("long: refresh of 500 rules at 100/min", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  const dataDir = mkdtempSync(path.join(tmpdir(), "cxone-long-refresh-"));
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "succeeds, state unchanged",
    async () => {
      const dataFile = path.join(dataDir, "tenant.json");
      // Creating 500 rules at 100/min would take 5 minutes of its own: create them without a limit,
      // then restart the simulator on the same port and data with CXone's limit on.
      sim = await startSimulator({ port: 0, rateLimitPerMinute: 0, dataFile });
      const port = sim.port;
      p = await createPulumiProject({ name: "long-refresh", program: "many-rules" });
      await p.useSimulator(sim.url);
      await p.config("count", "500");
      await p.config("cxone:rateLimitPerMinute", "off");
      await p.up();
      expect(sim.admin.state().rules).toHaveLength(500);
      // Back to the default client-side limit; an up with no changes records it for refresh.
      await p.ok("config", "rm", "cxone:rateLimitPerMinute");
      await p.up();
      await sim.close();
      sim = await startSimulator({ port, rateLimitPerMinute: 100, dataFile });
      expect(sim.admin.state().rules).toHaveLength(500);

      const started = performance.now();
      const refresh = await p.run("refresh", "--yes", "--skip-preview");
      const refreshSeconds = seconds(started);
      expect(refresh.code, refresh.printed.slice(-3000)).toBe(0);
      const counts = statusCounts(sim);
      const preview = await p.run("preview", "--expect-no-changes");
      expect(preview.code, preview.printed.slice(-3000)).toBe(0);
      console.log(JSON.stringify({ test: "refresh-500", refreshSeconds, apiRequests: counts.total, http429: counts.tooMany }));
    },
    30 * MINUTES,
  );
});
