import { webhookKind } from "../../kinds/webhook-kind";
import { analyzeRuleSet, type Finding, validateRuleInputs, validateWebhookInputs } from "../../validation";
import type { ExportedProject, ExportInput, SecretToSet } from "./export-types";
import { assignKeys, camelCase } from "./logical-names";
import { INDEX_TS, PULUMI_TEMPLATE_COMPILER_OPTIONS, WEBHOOK_DEFINITION_TS } from "./project-templates";
import { projectReadme } from "./project-readme";
import { exportRules, LINE_WIDTH, TARGET_TYPES } from "./rule-export";
import { selectObjects } from "./select-objects";
import { printDoc } from "./ts-doc";
import { type Entry, literalDoc, object } from "./ts-literal";
import { jsonText, type YamlValue, yamlMapping } from "./text-formats";

export type { ExportedProject, ExportInput, SecretToSet } from "./export-types";
export { LINE_WIDTH } from "./rule-export";

/**
 * A complete Pulumi TypeScript project holding the tenant's rules and webhooks as reviewed data
 * (the shape of examples/routing-infra), with the tenant-specific ids in the stack config. Pure:
 * reading the tenant and writing the files happen elsewhere.
 */
export function generateProject(input: ExportInput): ExportedProject {
  const ns = input.project;
  const all = input.rules.map((r) => ({
    id: r.id,
    name: r.name,
    interactionType: r.interactionType,
    fallbackRuleId: r.fallbackRuleId,
    raw: r,
  }));
  const selection = selectObjects(all, input.webhooks, input.filters ?? {});
  // Keys come from the whole tenant, so a filter never renames a rule.
  const ruleKeys = assignKeys(all, "rule");
  const hookKeys = assignKeys(input.webhooks, "webhook");
  // A fallback to a rule the export leaves out for another stack is named, not called dangling.
  const excludedNames = new Map((input.excludedRules ?? []).map((r) => [r.id, r.name]));
  const outsideList = selection.outside.map((o) => ({ ...o, fallbackName: o.fallbackName ?? excludedNames.get(o.fallbackRuleId) }));
  const outsideById = new Map(outsideList.map((o) => [o.rule.id, o]));

  const {
    exported,
    targetKeys,
    files: ruleFiles,
    rulesByType,
  } = exportRules(
    selection.rules.map((r) => r.raw),
    ruleKeys,
    outsideById,
  );
  const files = new Map(ruleFiles);

  // Webhooks: the signing secret cannot be read back, so each one with a secret gets a config key.
  const secrets: SecretToSet[] = [...(input.secretSettings ?? []).map((key) => ({ key, what: `the CXone ${key.slice(6)} setting` }))];
  const hooks = selection.webhooks
    .map((h) => ({
      id: h.id,
      key: hookKeys.get(h.id)!,
      fields: webhookKind.fromServer(h) as Record<string, unknown>,
      hasSecret: h.hasSecret,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const hookLiterals = hooks.map((h) => {
    const entries: Entry[] = [
      ["key", h.key],
      ["name", String(h.fields.name)],
    ];
    if (h.fields.enabled === false) entries.push(["enabled", false]);
    entries.push(["targetURL", String(h.fields.targetURL)], ["eventFilter", (h.fields.eventFilter as string[]).slice()]);
    if (h.hasSecret) {
      const secretKey = `${camelCase(h.key)}Secret`;
      entries.push(["secretConfigKey", secretKey]);
      secrets.push({
        key: `${ns}:${secretKey}`,
        what: `the signing secret of webhook "${String(h.fields.name)}" (CXone never returns it)`,
      });
    }
    return object(entries, true);
  });
  files.set(
    "webhooks/index.ts",
    `${printDoc(
      [
        'import type { WebhookDefinition } from "./webhook-definition";',
        "\n\n",
        "export const allWebhooks: WebhookDefinition[] = ",
        literalDoc(hookLiterals),
        ";",
      ],
      LINE_WIDTH,
    )}\n`,
  );
  files.set("webhooks/webhook-definition.ts", WEBHOOK_DEFINITION_TS);
  files.set("index.ts", INDEX_TS);

  // Findings: the stack-wide analysis the program runs at preview, plus each rule's own checks.
  const analysis = analyzeRuleSet(exported.map((r) => r.analyzable));
  const errors: Finding[] = [...analysis.errors];
  for (const r of exported) {
    const o = outsideById.get(r.id);
    if (o && o.fallbackName === undefined) {
      errors.push({
        key: r.key,
        field: "fallbackRuleId",
        reason: `fallbackRuleId ${o.fallbackRuleId} names no rule in the tenant`,
        code: "remote_fallback_missing",
      });
    }
    const checked = validateRuleInputs(r.fields);
    if (!checked.ok) {
      for (const f of checked.failures) errors.push({ key: r.key, field: f.property, reason: f.reason, code: "invalid_input" });
    }
  }
  for (const h of hooks) {
    const checked = validateWebhookInputs(h.fields);
    if (!checked.ok) {
      for (const f of checked.failures) errors.push({ key: h.key, field: f.property, reason: f.reason, code: "invalid_input" });
    }
  }

  // Stack config: settings, target ids, adoption ids.
  const config: Record<string, YamlValue> = {};
  for (const [key, value] of Object.entries(input.settings ?? {})) config[key] = value;
  for (const t of TARGET_TYPES) {
    const keys = targetKeys.get(t)!;
    if (keys.size === 0) continue;
    config[`${ns}:${t}s`] = Object.fromEntries([...keys].map(([id, key]) => [key, id]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  }
  const adopt: Record<string, YamlValue> = {};
  if (exported.length > 0)
    adopt.rules = Object.fromEntries([...exported].sort((a, b) => (a.key < b.key ? -1 : 1)).map((r) => [r.key, r.id]));
  if (hooks.length > 0) adopt.webhooks = Object.fromEntries(hooks.map((h) => [h.key, h.id]));
  if (Object.keys(adopt).length > 0) config[`${ns}:adopt`] = adopt;

  const setCommands = secrets.map((s) => `pulumi config set --secret ${s.key} <value> --stack ${input.stack}`);
  files.set(
    `Pulumi.${input.stack}.yaml`,
    [
      `# Stack "${input.stack}", written by \`cxone-routing export\`${input.source ? ` from ${input.source}` : ""}.`,
      "# `adopt` holds the ids of the objects this stack takes over on its first `pulumi up`.",
      ...(setCommands.length > 0
        ? ["# Secrets cannot be exported; set them before `pulumi up`:", ...setCommands.map((c) => `#   ${c}`)]
        : []),
      `config:\n${yamlMapping(config, "  ")}`,
    ].join("\n"),
  );
  files.set(
    "Pulumi.yaml",
    `name: ${input.project}\nruntime: nodejs\ndescription: NICE CXone routing rules and webhooks as code (exported by cxone-routing export)\n`,
  );
  files.set(
    "package.json",
    jsonText({
      name: input.project,
      private: true,
      main: "index.ts",
      scripts: {
        typecheck: "tsc --noEmit",
        drift: "cxone-routing drift",
        promote: "cxone-routing promote",
      },
      dependencies: { "@pulumi/pulumi": "^3.260.0", "pulumi-cxone-routing": input.packageSource?.spec ?? "*" },
      devDependencies: { "@types/node": "^22", typescript: "^5" },
    }),
  );
  files.set(
    "tsconfig.json",
    jsonText({
      compilerOptions: PULUMI_TEMPLATE_COMPILER_OPTIONS,
      files: ["index.ts"],
    }),
  );
  files.set("biome.json", jsonText({ formatter: { indentStyle: "space", indentWidth: 2, lineWidth: LINE_WIDTH } }));
  if (input.packageSource?.local) {
    // As examples/routing-infra: a packed copy under node_modules, so the serialized provider is one require.
    files.set(
      ".npmrc",
      "# pulumi-cxone-routing comes from a local folder: install a packed copy of it, not a symlink.\ninstall-links=true\n",
    );
  }
  files.set(".gitignore", "/bin/\n/node_modules/\n/.cxone/\n/.cxone-export/\n");

  const pulledIn = selection.pulledIn.map((p) => ({ key: ruleKeys.get(p.rule.id)!, name: p.rule.name, by: p.by }));
  const outside = outsideList.map((o) => ({
    key: ruleKeys.get(o.rule.id)!,
    fallbackRuleId: o.fallbackRuleId,
    fallbackName: o.fallbackName,
  }));
  const result = {
    files,
    ruleCount: exported.length,
    webhookCount: hooks.length,
    rulesByType,
    pulledIn,
    outside,
    errors,
    warnings: analysis.warnings,
    secrets,
  };
  files.set("README.md", projectReadme(input, result, setCommands));
  return result;
}
