import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS, type RunningSimulator, startSimulator } from "../../src/simulator";
import { offlineEngineEnv, packageRoot } from "../../tools/engine";
import { pulumiIn } from "../helpers/pulumi-in-folder";
import { runCommand } from "../helpers/run-command";
import { apiWrites } from "../helpers/simulator-requests";

const rule = (name: string, priority: number) => ({
  name,
  priority,
  enabled: true,
  interactionType: "chat",
  conditions: [{ field: "language", operator: "equals", value: `l${priority}` }],
  targets: [{ type: "queue", id: `q-${priority}`, weight: 100, capacity: 5 }],
});

// A sandbox that dev and staging share (cxone:owner): staging lost its project and exports it back.
describe("export of a shared tenant for one stack, then pulumi up of the exported project", () => {
  let sim: RunningSimulator;
  const root = path.join(packageRoot(), ".e2e", `export-shared-${randomBytes(4).toString("hex")}`);
  const dir = path.join(root, "staging-routing");
  const pulumi = pulumiIn(dir, "staging", offlineEngineEnv(path.join(root, ".pulumi-local"), "e2e-passphrase"));

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    await sim.admin.seed({
      rules: [rule("Spanish [dev]", 10), rule("Spanish [staging]", 10), rule("General [staging]", 90), rule("Console Rule", 95)],
    });
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await sim?.close();
  });

  it("exports staging's objects and the console's, leaves dev's out, and pulumi up takes them over without a write", async () => {
    const exported = await runCommand(
      "node",
      [path.join(packageRoot(), "bin", "cxone-routing.js"), "export", "--out", dir, "--target-stack", "staging"],
      root,
      {
        CXONE_BASE_URL: sim.url,
        CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
        CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
        CXONE_RATE_LIMIT_PER_MINUTE: "off",
        CXONE_OWNER: "staging",
      },
    );
    expect(exported.code, exported.printed).toBe(0);
    expect(exported.printed).toContain("exported 3 rule(s) and 0 webhook(s)");
    expect(exported.printed).toContain("left out: 1 object(s) that other stacks own (tagged dev)");
    const chat = readFileSync(path.join(dir, "rules", "chat.ts"), "utf8");
    expect(chat).toContain('name: "Spanish",');
    expect(chat).not.toContain("[staging]");

    await pulumi("stack", "init", "staging");
    await pulumi("config", "set", "--secret", "cxone:clientSecret", DEFAULT_CREDENTIALS.clientSecret);
    const before = sim.admin.requests().length;
    await pulumi("up", "--yes");
    expect(await pulumi.lastChanges()).toEqual({ create: 4 });
    expect(apiWrites(sim, before)).toEqual([]);
    expect(
      sim.admin
        .state()
        .rules.map((r) => r.name)
        .sort(),
    ).toEqual(["Console Rule", "General [staging]", "Spanish [dev]", "Spanish [staging]"]);
    await pulumi("preview", "--expect-no-changes");
  }, 300_000);
});
