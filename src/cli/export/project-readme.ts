import type { Finding } from "../../validation";
import type { ExportedProject, ExportInput } from "./export-types";

function findingLine(f: Finding): string {
  return `- \`${f.key}\` ${f.field}: ${f.reason} (${f.code})`;
}

/** The exported project's README: how to take the tenant over, and what the export found. */
export function projectReadme(input: ExportInput, p: Omit<ExportedProject, "files">, setCommands: readonly string[]): string {
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
    "",
    "## Promoting to the next stack",
    "",
    "Each stack records the rule set it runs (outputs `ruleSet` and `ruleSetSha256`). `cxone-routing promote`",
    "applies exactly what one stack runs to the next, pinned by that content hash: it shows the plan first,",
    "refuses a working tree that holds another rule set, and applies only with `--yes` (name your next stack):",
    "",
    "```text",
    `npx cxone-routing promote ${s} <next stack>           # the plan`,
    `npx cxone-routing promote ${s} <next stack> --yes     # applied`,
    "```",
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
