import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantSeed } from "../../bench/tenant-seed";
import { DEFAULT_CREDENTIALS, type RunningSimulator, startSimulator } from "../../src/simulator";
import { offlineEngineEnv, packageRoot } from "../../tools/engine";
import { pulumiIn } from "../helpers/pulumi-in-folder";
import { runCommand as sh } from "../helpers/run-command";
import { apiWrites } from "../helpers/simulator-requests";

const RULES = 200;

describe(`export of a ${RULES}-rule tenant, then pulumi up of the exported project`, () => {
  let sim: RunningSimulator;
  // Under the repository (.e2e/) so that the program and the provider resolve @pulumi/pulumi and
  // pulumi-cxone-routing from its node_modules, as an installed project would from its own.
  const root = path.join(packageRoot(), ".e2e", `export-${randomBytes(4).toString("hex")}`);
  const dir = path.join(root, "contact-center");
  const env = offlineEngineEnv(path.join(root, ".pulumi-local"), "e2e-passphrase");
  const pulumi = pulumiIn(dir, "dev", env);
  let exportOutput = "";

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    await sim.admin.seed(tenantSeed(RULES));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await sim?.close();
  });

  it("writes a project that compiles, is formatted and lists what to set", async () => {
    const result = await sh("node", [path.join(packageRoot(), "bin", "cxone-routing.js"), "export", "--out", dir], root, {
      CXONE_BASE_URL: sim.url,
      CXONE_CLIENT_ID: DEFAULT_CREDENTIALS.clientId,
      CXONE_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret,
      CXONE_RATE_LIMIT_PER_MINUTE: "off",
    });
    exportOutput = result.printed;
    expect(result.code, result.printed).toBe(0);
    expect(result.printed).toContain(`exported ${RULES} rule(s) and 1 webhook(s)`);
    // Paged lists: two pages of rules, one of webhooks; never one GET per rule.
    expect(result.printed).toContain("(3 list request(s)");
    expect(result.printed).toContain("pulumi config set --secret contact-center:routingRuleSyncSecret");
    expect(result.printed).toContain("the stack-wide analysis found nothing");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("pulumi config set --secret contact-center:routingRuleSyncSecret");
    const stackConfig = readFileSync(path.join(dir, "Pulumi.dev.yaml"), "utf8");
    expect(stackConfig).toContain("contact-center:queues:");
    expect(stackConfig).toContain("sales-emea: rule-0003");
    expect(stackConfig).toContain("sales-emea-2: rule-0002");
    const voice = readFileSync(path.join(dir, "rules", "voice.ts"), "utf8");
    expect(voice).toContain('fallback: "sales-emea-2"');
    expect(voice).not.toContain("fallbackRuleId");

    // The dependency installs from where this exporter came from: here the checkout, as a packed copy.
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(manifest.dependencies["pulumi-cxone-routing"]).toBe(`file:${path.relative(dir, packageRoot())}`);
    expect(readFileSync(path.join(dir, ".npmrc"), "utf8")).toContain("install-links=true");
    expect(result.printed).toContain(`package.json installs pulumi-cxone-routing "file:${path.relative(dir, packageRoot())}"`);
    // `npm install` as the export's output says; from here on the project runs on its own node_modules.
    const install = await sh("npm", ["install", "--no-audit", "--no-fund"], dir);
    expect(install.code, install.printed).toBe(0);
    const installed = path.join(dir, "node_modules", "pulumi-cxone-routing");
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(existsSync(path.join(installed, "dist", "src", "index.js"))).toBe(true);
    expect(existsSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"))).toBe(true);

    const tsc = await sh("tsc", ["-p", ".", "--noEmit"], dir);
    expect(tsc.code, tsc.printed).toBe(0);
    const biome = await sh("biome", ["format", "."], dir);
    expect(biome.code, biome.printed).toBe(0);
    expect(biome.printed).toContain("No fixes applied");
  }, 600_000);

  it("pulumi up adopts every object without a rule write or a duplicate; the next preview has no changes", async () => {
    expect(exportOutput).not.toBe("");
    await pulumi("stack", "init", "dev");
    await pulumi("config", "set", "--secret", "cxone:clientSecret", DEFAULT_CREDENTIALS.clientSecret);
    await pulumi("config", "set", "--secret", "contact-center:routingRuleSyncSecret", "tenant-signing-secret-0123");
    const before = sim.admin.requests().length;
    await pulumi("up", "--yes");
    expect(await pulumi.lastChanges()).toEqual({ create: RULES + 2 });
    // What `cxone-routing promote` reads from this stack: its rule set and content hash.
    expect((await pulumi("stack", "output", "ruleSetSha256")).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(await pulumi("stack", "output", "ruleSet")).length).toBe(RULES + 1);
    const writes = apiWrites(sim, before);
    const ruleWrites = writes.filter((r) => r.template.includes("interactionroutingrules"));
    expect(ruleWrites).toEqual([]);
    // The webhook's signing secret cannot be compared, so setting it is its one write (a PUT, no POST).
    expect(writes.map((w) => `${w.method} ${w.template}`)).toEqual(["PUT /api/v2/webhooks/{id}"]);
    const state = sim.admin.state();
    expect(state.rules).toHaveLength(RULES);
    expect(state.webhooks).toHaveLength(1);
    expect(state.rules.every((r) => r.version === 1)).toBe(true);

    const sincePreview = sim.admin.requests().length;
    await pulumi("preview", "--expect-no-changes");
    expect(apiWrites(sim, sincePreview)).toEqual([]);
  }, 900_000);

  it("one edit in the exported data is exactly one update", async () => {
    const file = path.join(dir, "rules", "voice.ts");
    const text = readFileSync(file, "utf8");
    expect(text.split("priority: 1,").length).toBe(2);
    writeFileSync(file, text.replace("priority: 1,", "priority: 5000,"));
    const before = sim.admin.requests().length;
    await pulumi("up", "--yes");
    expect(await pulumi.lastChanges()).toEqual({ update: 1, same: RULES + 1 });
    expect(apiWrites(sim, before).map((w) => `${w.method} ${w.path}`)).toEqual(["PUT /api/v2/routing/interactionroutingrules/rule-0001"]);
    expect(sim.admin.state().rules.find((r) => r.id === "rule-0001")!.priority).toBe(5000);
  }, 600_000);
});
