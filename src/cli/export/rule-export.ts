import type { RoutingRule as ServerRule } from "../../client";
import { routingRuleKind } from "../../kinds/routing-rule-kind";
import type { AnalyzableRule } from "../../validation";
import { assignKeys, camelCase, kebabKey } from "./logical-names";
import { RULE_DEFINITION_TS } from "./project-templates";
import { group, indent, ifBreak, join, line, printDoc, softline } from "./ts-doc";
import { type Entry, type Literal, literalDoc, object } from "./ts-literal";

/** The generated TypeScript is formatted for this width (the project's biome.json says so too). */
export const LINE_WIDTH = 100;

export const TARGET_TYPES = ["queue", "skill", "agent"] as const;
export type TargetKind = (typeof TARGET_TYPES)[number];
const TYPE_ORDER = ["voice", "chat", "email", "sms", "social", "workitem"];

export interface ExportedRule {
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

export interface RuleExport {
  readonly exported: ExportedRule[];
  /** Logical names of queues, skills and agents, by id, per type. */
  readonly targetKeys: ReadonlyMap<TargetKind, ReadonlyMap<string, string>>;
  /** The files under rules/ (one per interaction type, an index, the definition type). */
  readonly files: ReadonlyMap<string, string>;
  /** Interaction types in file order, with their rule counts. */
  readonly rulesByType: Readonly<Record<string, number>>;
}

/** The selected rules as data files: targets and fallbacks by logical name, one file per interaction type. */
export function exportRules(
  rules: readonly ServerRule[],
  ruleKeys: ReadonlyMap<string, string>,
  outsideById: ReadonlyMap<string, { readonly fallbackName: string | undefined }>,
): RuleExport {
  // Logical names of queues, skills and agents: from their ids, unique per type.
  const targetIds = new Map<TargetKind, Set<string>>(TARGET_TYPES.map((t) => [t, new Set()]));
  const normalized = rules.map((r) => ({ id: r.id, fields: routingRuleKind.fromServer(r) as Record<string, unknown> }));
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
  return {
    exported,
    targetKeys,
    files,
    rulesByType: Object.fromEntries(types.map((t) => [t, byType.get(t)!.length])),
  };
}
