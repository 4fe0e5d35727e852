import { describe, expect, it } from "vitest";
import { generateProject } from "../../../src/cli/export/generate-project";
import { serverRule, serverWebhook } from "./fixtures";

describe("the exported stack config", () => {
  it("holds the tenant's ids by logical name and the adoption ids; the data files hold neither", () => {
    const project = generateProject({
      project: "cc",
      stack: "prod",
      rules: [
        serverRule({
          id: "id-1",
          name: "VIP",
          targets: [
            { type: "queue", id: "5f3a-vip", weight: 50, capacity: 5 },
            { type: "skill", id: "sk-es", weight: 50, capacity: 5 },
          ],
        }),
      ],
      webhooks: [serverWebhook({ id: "hook-1", name: "Routing Sync" })],
      settings: { "cxone:baseUrl": "https://api.example.com", "cxone:clientId": "abc" },
      secretSettings: ["cxone:clientSecret"],
    });
    expect(project.files.get("Pulumi.prod.yaml")).toContain(
      [
        "config:",
        "  cxone:baseUrl: https://api.example.com",
        "  cxone:clientId: abc",
        "  cc:queues:",
        "    queue-5f3a-vip: 5f3a-vip",
        "  cc:skills:",
        "    sk-es: sk-es",
        "  cc:adopt:",
        "    rules:",
        "      vip: id-1",
        "    webhooks:",
        "      routing-sync: hook-1",
      ].join("\n"),
    );
    const voice = project.files.get("rules/voice.ts")!;
    expect(voice).toContain('{ queue: "queue-5f3a-vip", weight: 50, capacity: 5 }');
    expect(voice).not.toContain("id-1");
    expect(project.files.get("webhooks/index.ts")).not.toContain("hook-1");
  });

  it("names a config key for each webhook secret, to set with --secret, in the README too", () => {
    const project = generateProject({
      project: "cc",
      stack: "dev",
      rules: [],
      webhooks: [serverWebhook({ id: "w", name: "Routing Sync" })],
    });
    expect(project.secrets.map((s) => s.key)).toEqual(["cc:routingSyncSecret"]);
    expect(project.files.get("webhooks/index.ts")).toContain('secretConfigKey: "routingSyncSecret"');
    expect(project.files.get("README.md")).toContain("pulumi config set --secret cc:routingSyncSecret <value> --stack dev");
    expect(project.files.get("Pulumi.dev.yaml")).toContain("#   pulumi config set --secret cc:routingSyncSecret <value> --stack dev");
  });
});
