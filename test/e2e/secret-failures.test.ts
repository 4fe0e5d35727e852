import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";
import { apiWrites } from "../helpers/simulator-requests";

/**
 * Issue 19: a preview that fails on a value the program marks secret, or on a URL that carries
 * credentials, prints which field and why, never the value (CI logs are read by many).
 */
describe("secrets in failing previews: the field is named, the value never printed", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    p = await createPulumiProject({ name: "secret-failures", program: "secret-failures" });
    await p.useSimulator(sim.url);
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  // The program's own analysis names rule fields; check() failures name "<field> (value hidden)".
  const secretCases: Array<[string, string, string]> = [
    ["name", `SecretName-${"n".repeat(300)}`, 'RoutingRule "vip" name:'],
    ["interactionType", "vioce-Secret31", 'RoutingRule "vip" interactionType:'],
    ["condition", "CondSecret42", 'RoutingRule "vip" conditions[0].value:'],
    ["eventFilter", "evt.Secret77", "eventFilter (value hidden)"],
    ["targetURL", "http://hooks.example.com/SecretPath99", "targetURL (value hidden)"],
  ];
  for (const [probe, value, field] of secretCases) {
    it(`a secret ${probe} that preview refuses: "${field}", the value nowhere in the output`, async () => {
      await p.config("probe", probe);
      // Plain in the config, secret in the program: the engine has no copy to mask.
      await p.config("value", value);
      const preview = await p.run("preview", "--diff");
      expect(preview.code).not.toBe(0);
      expect(preview.printed).toContain(field);
      expect(preview.printed).not.toContain(value.slice(0, 14));
      expect(apiWrites(sim)).toEqual([]);
    });
  }

  const urlCases: Array<[string, string, string]> = [
    ["userinfo", "https://alice:Pw0rdXyz@hooks.example.com/x", "Pw0rdXyz"],
    ["a token in the query of a refused URL", "http://hooks.example.com/x?token=Tok3nValue", "Tok3nValue"],
  ];
  for (const [what, url, credential] of urlCases) {
    it(`a plain targetURL with ${what}: refused without the credential in the output`, async () => {
      await p.config("probe", "plainURL");
      await p.config("url", url);
      const preview = await p.run("preview", "--diff");
      expect(preview.code).not.toBe(0);
      expect(preview.printed).toContain("targetURL (value hidden)");
      expect(preview.printed).not.toContain(credential);
    });
  }

  it("a URL with a token that passes: previewed and deployed, the token never printed", async () => {
    await p.config("probe", "plainURL");
    await p.config("url", "https://hooks.example.com/x?token=Tok3nValue");
    const preview = await p.preview();
    expect(preview.printed).not.toContain("Tok3nValue");
    const up = await p.up();
    expect(up.printed).not.toContain("Tok3nValue");
    expect(sim.admin.state().webhooks[0]!.targetURL).toContain("Tok3nValue");
  });
});
