/**
 * The fixed files of an exported project, already formatted as Biome formats them under the
 * project's biome.json (2-space indent, line width 100). The data files are generated.
 */

/** index.ts */
/** Pulumi's TypeScript template tsconfig: what `pulumi new typescript` writes. */
export const PULUMI_TEMPLATE_COMPILER_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
} as const;

export const INDEX_TS = `import * as pulumi from "@pulumi/pulumi";
import { promotableRuleSet, RoutingRule, Webhook } from "pulumi-cxone-routing";
import { allRules } from "./rules";
import { type TargetIds, toRoutingRuleArgs } from "./rules/rule-definition";
import { allWebhooks } from "./webhooks";
import { toWebhookArgs } from "./webhooks/webhook-definition";

// The stack's config (Pulumi.<stack>.yaml) holds everything that differs between tenants: the
// queue, skill and agent ids behind the logical names the rules use, and the \`adopt\` ids.
type Ids = Record<string, string>;
const config = new pulumi.Config();
const ids: TargetIds = {
  queue: config.getObject<Ids>("queues") ?? {},
  skill: config.getObject<Ids>("skills") ?? {},
  agent: config.getObject<Ids>("agents") ?? {},
};
// Written by \`cxone-routing export\`: the objects this stack takes over on its first \`pulumi up\`
// (an object that already equals its definition is only read, not written). A definition
// without an entry is created.
const adopt = config.getObject<{ rules?: Ids; webhooks?: Ids }>("adopt") ?? {};
const adoptId = (id: string | undefined) => (id ? { adoptId: id } : {});

const webhooks = allWebhooks.map((hook) => {
  const args = { ...toWebhookArgs(hook, config), ...adoptId(adopt.webhooks?.[hook.key]) };
  return [hook.key, new Webhook(hook.key, args)] as const;
});
const rules = allRules.map((rule) => {
  const args = { ...toRoutingRuleArgs(rule, ids), ...adoptId(adopt.rules?.[rule.key]) };
  return [rule.key, new RoutingRule(rule.key, args)] as const;
});

export const webhookIds = Object.fromEntries(webhooks.map(([key, hook]) => [key, hook.id]));
export const ruleIds = Object.fromEntries(rules.map(([key, rule]) => [key, rule.id]));
// The reviewed definitions and their content hash: what \`cxone-routing promote <from> <to>\`
// takes to the next stack (it refuses a working tree that holds another rule set).
export const { ruleSet, ruleSetSha256 } = promotableRuleSet([
  ...allRules,
  ...allWebhooks.map((hook) => ({ ...hook, key: \`webhook:\${hook.key}\` })),
]);
`;

/** rules/rule-definition.ts */
export const RULE_DEFINITION_TS = `import * as pulumi from "@pulumi/pulumi";
import type {
  ConditionOperator,
  InteractionType,
  RoutingRuleArgs,
  TargetType,
} from "pulumi-cxone-routing";

/**
 * A routing rule as the team reviews it: targets by logical name, so that one definition serves
 * every environment. Each stack maps the logical names to its tenant's ids (\`queues\`, \`skills\`
 * and \`agents\` in Pulumi.<stack>.yaml).
 */
export interface RuleDefinition {
  /** Logical name of the Pulumi resource; also what \`fallback\` refers to. */
  key: string;
  /** The rule's name in CXone (unique per tenant). */
  name: string;
  description?: string;
  /** Lower numbers are evaluated first. */
  priority: number;
  interactionType: InteractionType;
  /** Default true. */
  enabled?: boolean;
  conditions?: {
    field: string;
    operator: ConditionOperator;
    value: string | number | boolean;
    conditionGroupId?: string;
  }[];
  targets: TargetDefinition[];
  /** Key of another rule, in any file. */
  fallback?: string;
  /** CXone id of a fallback rule that this project does not manage. */
  fallbackRuleId?: string;
}

/** A target by the logical name of its queue, skill or agent. */
export type TargetDefinition = ({ queue: string } | { skill: string } | { agent: string }) & {
  weight: number;
  capacity: number;
};

/** Logical name -> tenant id, per target type. */
export type TargetIds = Record<TargetType, Record<string, string>>;

function target(t: TargetDefinition): [TargetType, string] {
  if ("queue" in t) return ["queue", t.queue];
  if ("skill" in t) return ["skill", t.skill];
  return ["agent", t.agent];
}

export function toRoutingRuleArgs(rule: RuleDefinition, ids: TargetIds): RoutingRuleArgs {
  return {
    name: rule.name,
    ...(rule.description !== undefined ? { description: rule.description } : {}),
    priority: rule.priority,
    interactionType: rule.interactionType,
    enabled: rule.enabled ?? true,
    conditions: rule.conditions ?? [],
    targets: rule.targets.map((t) => {
      const [type, logical] = target(t);
      const id = ids[type][logical];
      if (!id) {
        throw new pulumi.RunError(
          \`rule "\${rule.key}": \${type} "\${logical}" has no id in this stack's \${type}s config. Fix: pulumi config set --path "\${type}s.\${logical}" <its CXone id>\`,
        );
      }
      return { type, id, weight: t.weight, capacity: t.capacity };
    }),
    ...(rule.fallback !== undefined ? { fallback: rule.fallback } : {}),
    ...(rule.fallbackRuleId !== undefined ? { fallbackRuleId: rule.fallbackRuleId } : {}),
  };
}
`;

/** webhooks/webhook-definition.ts */
export const WEBHOOK_DEFINITION_TS = `import type * as pulumi from "@pulumi/pulumi";
import type { WebhookArgs, WebhookEventName } from "pulumi-cxone-routing";

/** A webhook as the team reviews it. */
export interface WebhookDefinition {
  /** Logical name of the Pulumi resource. */
  key: string;
  /** The webhook's name in CXone (unique per tenant). */
  name: string;
  /** Default true. */
  enabled?: boolean;
  targetURL: string;
  eventFilter: WebhookEventName[];
  /**
   * The stack config key (this project's namespace) that holds the signing secret. CXone never
   * returns a secret, so set it yourself: \`pulumi config set --secret <key> <secret>\`.
   */
  secretConfigKey?: string;
}

export function toWebhookArgs(hook: WebhookDefinition, config: pulumi.Config): WebhookArgs {
  return {
    name: hook.name,
    enabled: hook.enabled ?? true,
    targetURL: hook.targetURL,
    eventFilter: hook.eventFilter,
    ...(hook.secretConfigKey ? { secret: config.requireSecret(hook.secretConfigKey) } : {}),
  };
}
`;
