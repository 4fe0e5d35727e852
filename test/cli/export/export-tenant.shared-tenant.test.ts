import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTenant, formatExportRun, type ExportRun } from "../../../src/cli/export/export-command";
import { DEFAULT_CREDENTIALS, startSimulator, type RunningSimulator } from "../../../src/simulator";

const rule = (name: string, priority: number, fallbackRuleId?: string) => ({
  name,
  priority,
  enabled: true,
  interactionType: "voice",
  conditions: [{ field: "segment", operator: "equals", value: name }],
  targets: [{ type: "queue", id: `q-${priority}`, weight: 100, capacity: 5 }],
  ...(fallbackRuleId ? { fallbackRuleId } : {}),
});

// A sandbox shared by dev and staging (cxone:owner), plus one rule made in the console.
describe("export of a shared tenant for one stack", () => {
  let sim: RunningSimulator;
  let dir: string;
  let run: ExportRun;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    const dev = await sim.admin.seed({
      rules: [rule("Dev Overflow [dev]", 50), rule("Dev Only [dev]", 60)],
      webhooks: [{ name: "Hook [dev]", enabled: true, targetURL: "https://hooks.example.com/dev", eventFilter: "routing.rule.created" }],
    });
    await sim.admin.seed({ rules: [rule("VIP [staging]", 10, dev.rules[0]!.id), rule("General [staging]", 90), rule("Console Rule", 95)] });
    dir = path.join(mkdtempSync(path.join(tmpdir(), "export-shared-")), "staging-export");
    run = await exportTenant({
      outDir: dir,
      stack: "staging",
      filters: { include: [], exclude: [], types: [], excludeTypes: [], followFallbacks: true },
      config: {
        "cxone:baseUrl": sim.url,
        "cxone:clientId": DEFAULT_CREDENTIALS.clientId,
        "cxone:clientSecret": DEFAULT_CREDENTIALS.clientSecret,
        "cxone:rateLimitPerMinute": "off",
        "cxone:owner": "staging",
      },
      env: {},
      settingsFrom: 'stack "staging"',
      print: () => undefined,
    });
  });
  afterAll(async () => {
    rmSync(path.dirname(dir), { recursive: true, force: true });
    await sim?.close();
  });

  it("leaves out what other stacks own and says so", () => {
    expect(run.leftOut.map((o) => `${o.kind} ${o.name}`).sort()).toEqual([
      "RoutingRule Dev Only [dev]",
      "RoutingRule Dev Overflow [dev]",
      "Webhook Hook [dev]",
    ]);
    expect(run.project.ruleCount).toBe(3);
    expect(run.project.webhookCount).toBe(0);
    expect(formatExportRun(run, { outDir: dir, stack: "staging" })).toContain(
      "left out: 3 object(s) that other stacks own (tagged dev); their own stacks manage them",
    );
  });

  it("names the stack's own objects as its program knows them, and keeps the owner in the stack config", () => {
    const voice = readFileSync(path.join(dir, "rules", "voice.ts"), "utf8");
    expect(voice).toContain('name: "VIP",');
    expect(voice).toContain('name: "General",');
    expect(voice).toContain('name: "Console Rule",');
    expect(voice).not.toMatch(/name: "[^"]*\[staging\]"/);
    expect(readFileSync(path.join(dir, "Pulumi.staging.yaml"), "utf8")).toMatch(/cxone:owner: "?staging"?/);
  });

  it("a fallback to another stack's rule stays a fallbackRuleId naming that rule, not a dangling one", () => {
    const voice = readFileSync(path.join(dir, "rules", "voice.ts"), "utf8");
    expect(voice).toContain('Falls back to "Dev Overflow [dev]", which this export leaves out.');
    expect(run.project.errors.filter((f) => f.code === "remote_fallback_missing")).toEqual([]);
  });
});
