import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tenantSeed } from "../../../bench/tenant-seed";
import { generateProject } from "../../../src/cli/export/generate-project";
import { packageRoot } from "../../../tools/engine";
import { serverRule, serverWebhook } from "./fixtures";

describe("the exported project's code", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "export-format-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is already formatted: biome format with the project's biome.json changes nothing", () => {
    const seed = tenantSeed(60);
    const rules = seed.rules!.map((r) => serverRule({ ...r, id: r.id!, conditions: r.conditions.map((c) => ({ ...c, value: c.value })) }));
    rules.push(
      serverRule({
        id: "long",
        name: `A rule whose name is long enough that the property no longer fits on one line of the file at all`,
        description: 'It\'s a "quoted" description with a backslash \\ and a newline\n',
        conditions: [
          { field: "aVeryLongAttributeNameThatKeepsGoing", operator: "matchesRegex", value: "^(?:[A-Z]{2}\\d{6}|\\d{9})$" },
          { field: "segment", operator: "notEquals", value: "it's" },
        ],
        fallbackRuleId: "missing-rule",
      }),
    );
    const project = generateProject({
      project: "contact-center",
      stack: "dev",
      rules,
      webhooks: [serverWebhook({ id: "w1", name: "Sync" }), serverWebhook({ id: "w2", name: "Audit", hasSecret: false, enabled: false })],
      settings: { "cxone:baseUrl": "https://api-na1.niceincontact.com", "cxone:clientId": "client: 1" },
    });
    for (const [file, content] of project.files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    const biome = spawnSync(path.join(packageRoot(), "node_modules", ".bin", "biome"), ["format", "."], { cwd: dir, encoding: "utf8" });
    expect(biome.status, `${biome.stdout}${biome.stderr}`).toBe(0);
    expect(`${biome.stdout}${biome.stderr}`).toContain("No fixes applied");
  });
});
