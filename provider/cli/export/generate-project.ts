import type { RoutingRule as ServerRule, Webhook as ServerWebhook } from "../../client";
import { routingRuleKind } from "../../resources/routing-rule/routing-rule-kind";
import { webhookKind } from "../../resources/webhook/webhook-kind";
import { type AnalyzableRule, analyzeRuleSet, type Finding, validateRuleInputs, validateWebhookInputs } from "../../validation";
import { assignKeys, camelCase, kebabKey } from "./logical-names";
import { INDEX_TS, PULUMI_TEMPLATE_COMPILER_OPTIONS, RULE_DEFINITION_TS, WEBHOOK_DEFINITION_TS } from "./project-templates";
import { type ExportFilters, selectObjects } from "./select-objects";
import { group, indent, ifBreak, join, line, printDoc, softline } from "./ts-doc";
import { type Entry, type Literal, literalDoc, object } from "./ts-literal";
import { jsonText, type YamlValue, yamlMapping } from "./text-formats";

/** The generated TypeScript is formatted for this width (the project's biome.json says so too). */
export const LINE_WIDTH = 100;

const TARGET_TYPES = ["queue", "skill", "agent"] as const;
type TargetKind = (typeof TARGET_TYPES)[number];
const TYPE_ORDER = ["voice", "chat", "email", "sms", "social", "workitem"];

export interface ExportInput {
  /** Pulumi project name (also the config namespace of the data). */
  readonly project: string;
  /** The stack whose Pulumi.<stack>.yaml is written. */
  readonly stack: string;
  readonly rules: readonly ServerRule[];
  readonly webhooks: readonly ServerWebhook[];
  readonly filters?: ExportFilters;
  /** `cxone:*` settings to copy into the stack config (no secrets). */
  readonly settings?: Readonly<Record<string, string>>;
  /** `cxone:*` keys the stack needs as secrets (set by the user). */
  readonly secretSettings?: readonly string[];
  /** Where the data came from, for the README. */
  readonly source?: string;
  /** Version range of pulumi-cxone-routing in the project's package.json. */
  readonly packageVersion?: string;
}

export interface SecretToSet {
  /** Full config key, e.g. `cxone:clientSecret`. */
  readonly key: string;
  readonly what: string;
}

export interface ExportedProject {
  /** Relative path -> content. */
  readonly files: ReadonlyMap<string, string>;
  readonly ruleCount: number;
  readonly webhookCount: number;
  /** Rule keys by interaction type file. */
  readonly rulesByType: Readonly<Record<string, number>>;
  readonly pulledIn: readonly { key: string; name: string; by: string }[];
  readonly outside: readonly { key: string; fallbackRuleId: string; fallbackName: string | undefined }[];
  /** What the stack-wide analysis (and the per-rule checks) find in the exported rules. */
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly secrets: readonly SecretToSet[];
}

interface ExportedRule {
  readonly key: string;
  readonly id: string;
  readonly fields: Record<string, unknown>;
  readonly literal: Literal;
  readonly analyzable: AnalyzableRule;
}

function ruleOrder(a: { fields: Record<string, unknown> }, b: { fields: Record<string, unknown> }): number {
  const pa = Number(a.fields.priority);
  const pb = Number(b.fields.priority);
  if (pa !== pb) return pa - pb;
  return String(a.fields.name) < String(b.fields.name) ? -1 : 1;
}

function typeFileOrder(a: string, b: string): number {
  const ia = TYPE_ORDER.indexOf(a);
  const ib = TYPE_ORDER.indexOf(b);
  if (ia !== ib) return (ia < 0 ? TYPE_ORDER.length : ia) - (ib < 0 ? TYPE_ORDER.length : ib);
  return a < b ? -1 : 1;
}

function primitive(value: unknown): string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : JSON.stringify(value);
}

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
  const outsideById = new Map(selection.outside.map((o) => [o.rule.id, o]));

  // Logical names of queues, skills and agents: from their ids, unique per type.
  const targetIds = new Map<TargetKind, Set<string>>(TARGET_TYPES.map((t) => [t, new Set()]));
  const normalized = selection.rules.map((r) => ({ id: r.id, fields: routingRuleKind.fromServer(r.raw) as Record<string, unknown> }));
  for (const r of normalized) {
    for (const t of r.fields.targets as { type: string; id: string }[]) {
      targetIds.get((TARGET_TYPES as readonly string[]).includes(t.type) ? (t.type as TargetKind) : "queue")!.add(t.id);
    }
  }
  const targetKeys = new Map<TargetKind, Map<string, string>>(
    TARGET_TYPES.map((t) => [
      t,
      assignKeys(
        [...targetIds.get(t)!].map((id) => ({ id, name: id })),
        t,
      ),
    ]),
  );

  const exported: ExportedRule[] = normalized.map(({ id, fields }) => {
    const key = ruleKeys.get(id)!;
    const entries: Entry[] = [
      ["key", key],
      ["name", String(fields.name)],
    ];
    if (typeof fields.description === "string") entries.push(["description", fields.description]);
    entries.push(["priority", Number(fields.priority)], ["interactionType", String(fields.interactionType)]);
    if (fields.enabled === false) entries.push(["enabled", false]);
    const conditions = fields.conditions as { field: string; operator: string; value: unknown; conditionGroupId?: string }[];
    if (conditions.length > 0) {
      entries.push([
        "conditions",
        conditions.map((c) =>
          object([
            ["field", c.field],
            ["operator", c.operator],
            ["value", primitive(c.value)],
            ...(c.conditionGroupId ? [["conditionGroupId", c.conditionGroupId] as const] : []),
          ]),
        ),
      ]);
    }
    const targets = fields.targets as { type: string; id: string; weight: number; capacity: number }[];
    entries.push([
      "targets",
      targets.map((t) => {
        const type = (TARGET_TYPES as readonly string[]).includes(t.type) ? (t.type as TargetKind) : "queue";
        return object([
          [type, targetKeys.get(type)!.get(t.id)!],
          ["weight", t.weight],
          ["capacity", t.capacity],
        ]);
      }),
    ]);
    const fallbackRuleId = fields.fallbackRuleId as string | undefined;
    let fallback: string | undefined;
    let externalId: string | undefined;
    if (fallbackRuleId !== undefined) {
      const outside = outsideById.get(id);
      if (outside) {
        externalId = fallbackRuleId;
        entries.push(
          {
            comment:
              outside.fallbackName === undefined
                ? `Falls back to id ${fallbackRuleId}, which names no rule in the tenant (dangling).`
                : `Falls back to "${outside.fallbackName}", which this export leaves out.`,
          },
          ["fallbackRuleId", fallbackRuleId],
        );
      } else {
        fallback = ruleKeys.get(fallbackRuleId)!;
        entries.push(["fallback", fallback]);
      }
    }
    return {
      key,
      id,
      fields,
      literal: object(entries, true),
      analyzable: {
        key,
        name: String(fields.name),
        priority: Number(fields.priority),
        enabled: fields.enabled !== false,
        interactionType: String(fields.interactionType),
        conditions,
        ...(fallback !== undefined ? { fallback } : {}),
        ...(externalId !== undefined ? { fallbackRuleId: externalId } : {}),
      },
    };
  });

  const files = new Map<string, string>();
  const byType = new Map<string, ExportedRule[]>();
  for (const r of exported) {
    const type = String(r.fields.interactionType);
    byType.set(type, [...(byType.get(type) ?? []), r]);
  }
  const types = [...byType.keys()].sort(typeFileOrder);
  const typeFile = (type: string) => kebabKey(type, "type");
  const typeConst = (type: string) => `${camelCase(typeFile(type))}Rules`;
  for (const type of types) {
    const rules = byType.get(type)!.sort(ruleOrder);
    const doc = [
      'import type { RuleDefinition } from "./rule-definition";',
      "\n\n",
      `export const ${typeConst(type)}: RuleDefinition[] = `,
      literalDoc(rules.map((r) => r.literal)),
      ";",
    ];
    files.set(`rules/${typeFile(type)}.ts`, `${printDoc(doc, LINE_WIDTH)}\n`);
  }
  const imports = [
    ...types.map((t) => ({ from: `./${typeFile(t)}`, text: `import { ${typeConst(t)} } from "./${typeFile(t)}";` })),
    { from: "./rule-definition", text: 'import type { RuleDefinition } from "./rule-definition";' },
  ].sort((a, b) => (a.from < b.from ? -1 : 1));
  const spread = types.map((t) => `...${typeConst(t)}`);
  files.set(
    "rules/index.ts",
    `${printDoc(
      [
        imports.map((i) => `${i.text}\n`).join(""),
        "\n",
        "/** Every exported rule, one file per interaction type. */\n",
        "export const allRules: RuleDefinition[] = ",
        spread.length === 0 ? "[]" : group(["[", indent([softline, join([",", line], spread)]), ifBreak(","), softline, "]"]),
        ";",
      ],
      LINE_WIDTH,
    )}\n`,
  );
  files.set("rules/rule-definition.ts", RULE_DEFINITION_TS);

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
      scripts: { typecheck: "tsc --noEmit", drift: "cxone-routing drift" },
      dependencies: { "@pulumi/pulumi": "^3.260.0", "pulumi-cxone-routing": input.packageVersion ?? "*" },
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
  files.set(".gitignore", "/bin/\n/node_modules/\n/.cxone/\n/.cxone-export/\n");

  const pulledIn = selection.pulledIn.map((p) => ({ key: ruleKeys.get(p.rule.id)!, name: p.rule.name, by: p.by }));
  const outside = selection.outside.map((o) => ({
    key: ruleKeys.get(o.rule.id)!,
    fallbackRuleId: o.fallbackRuleId,
    fallbackName: o.fallbackName,
  }));
  const result = {
    files,
    ruleCount: exported.length,
    webhookCount: hooks.length,
    rulesByType: Object.fromEntries(types.map((t) => [t, byType.get(t)!.length])),
    pulledIn,
    outside,
    errors,
    warnings: analysis.warnings,
    secrets,
  };
  files.set("README.md", projectReadme(input, result, setCommands));
  return result;
}

function findingLine(f: Finding): string {
  return `- \`${f.key}\` ${f.field}: ${f.reason} (${f.code})`;
}

function projectReadme(input: ExportInput, p: Omit<ExportedProject, "files">, setCommands: readonly string[]): string {
  const s = input.stack;
  const lines = [
    `# ${input.project}`,
    "",
    `NICE CXone routing rules and webhooks as code, exported by \`cxone-routing export\`${input.source ? ` from ${input.source}` : ""}: ` +
      `${p.ruleCount} rule(s) in \`rules/\` (one file per interaction type: ${
        Object.entries(p.rulesByType)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ") || "none"
      }), ${p.webhookCount} webhook(s) in \`webhooks/\`.`,
    "",
    "The rules are data: queues, skills and agents by logical name, fallbacks by the key of another rule.",
    `Everything that belongs to one tenant is in the stack config, \`Pulumi.${s}.yaml\`: the CXone settings,`,
    `the ids behind the logical names (\`${input.project}:queues\`, \`skills\`, \`agents\`) and, under`,
    `\`${input.project}:adopt\`, the ids of the existing objects the stack takes over.`,
    "",
    "## Taking the tenant over",
    "",
    "```sh",
    "npm install",
    `pulumi stack init ${s}            # keeps the Pulumi.${s}.yaml written by the export`,
    ...setCommands,
    `pulumi preview --stack ${s}       # every object: create (adopt), no write for objects that equal their definition`,
    `pulumi up --stack ${s}`,
    `pulumi preview --expect-no-changes --stack ${s}`,
    "```",
    "",
    "**Secrets cannot be exported.** CXone never returns a webhook's signing secret or an API client secret,",
    "so the export names the config keys instead. Set each one with `pulumi config set --secret` (above) before",
    "`pulumi up`; a webhook whose secret you set is written once when it is taken over (the only way to know",
    "it holds that secret). Every other object that already equals its definition is only read.",
    "",
    "After the first `pulumi up` the `adopt` entries do nothing and may stay; a rule added to `rules/` without",
    "one is created. To point the same rules at another tenant, add a stack with its own `queues` and no `adopt`.",
  ];
  if (p.pulledIn.length > 0) {
    lines.push("", "## Rules pulled in as fallbacks", "", "The filters left these out, but a kept rule falls back to them:", "");
    for (const r of p.pulledIn) lines.push(`- \`${r.key}\` ("${r.name}"), fallback of "${r.by}"`);
  }
  if (p.outside.length > 0) {
    lines.push(
      "",
      "## Fallbacks outside this project",
      "",
      "These rules keep a `fallbackRuleId` (a CXone id) instead of a `fallback` key:",
      "",
    );
    for (const o of p.outside) {
      lines.push(
        `- \`${o.key}\` -> ${o.fallbackRuleId}${o.fallbackName === undefined ? " (names no rule in the tenant)" : ` ("${o.fallbackName}", left out)`}`,
      );
    }
  }
  lines.push("", "## Findings at export", "");
  if (p.errors.length + p.warnings.length === 0) lines.push("The stack-wide analysis found nothing.");
  if (p.errors.length > 0) {
    lines.push(
      "Errors (the tenant has them today; `pulumi preview` fails until they are fixed in the data):",
      "",
      ...p.errors.map(findingLine),
      "",
    );
  }
  if (p.warnings.length > 0) lines.push("Warnings (reported by `pulumi preview`, not fatal):", "", ...p.warnings.map(findingLine));
  return `${lines.join("\n").trimEnd()}\n`;
}
