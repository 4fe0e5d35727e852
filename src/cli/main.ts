import path from "node:path";
import { parseArgs } from "node:util";
import { CxoneRoutingError } from "../errors";
import { projectRoot } from "../settings/settings";
import { compareStacks, formatComparison, type StackView } from "./compare";
import { driftReport, formatDriftReport } from "./drift";
import { evaluableRules, explainRoute, parseInteraction } from "./explain";
import { UsageError } from "./errors";
import { exportTenant, formatExportRun } from "./export/export-command";
import { promote } from "./promote/promote-command";
import { summary } from "./summary/summary-command";
import { emit, formatFor, GRAPH_USAGE, renderGraph, runGraphCommand } from "./graph-command";
import { routePath } from "../graph";
import { previewOperations, readManagedObjects, readStackConfig } from "./stack-source";
import { readTenant } from "./tenant";

const USAGE = `usage: cxone-routing <command> [options]   (in the Pulumi project folder; the pulumi CLI on PATH)

  drift --stack <stack> [--json] [--no-program]
      per rule and webhook: program vs state vs tenant. Exit 0 in sync, 1 drift, 2 error.
      --no-program skips \`pulumi preview\` (state vs tenant only).
  compare <stack> <other stack> [--json]
      what the two tenants run, in logical terms (config values and resource names, not ids),
      and each stack's drift. Exit 0 same, 1 different, 2 error.
  explain --stack <stack> '<interaction JSON>' [--program] [--json] [--graph <file>]
      the route of one interaction, rule by rule, with why each earlier rule did not match.
      Reads the stack's tenant by default; --program evaluates the stack's declared state
      (\`pulumi stack export\`). --json prints the same as JSON. --graph draws that path (.html, .svg,
      .dot, else Mermaid). Exit 0 a rule matches, 1 none, 2 error.
${GRAPH_USAGE}
  export --out <dir> [--stack <stack>] [filters]
      writes a Pulumi TypeScript project holding every routing rule and webhook of the tenant as
      data (rules/*.ts, webhooks/), the tenant's ids and adoption ids in Pulumi.<stack>.yaml.
      Settings: the --stack's cxone:* config, else CXONE_BASE_URL, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, ...
      --include <pattern>, --exclude <pattern>   rule and webhook names (glob with * ?, or /regex/); repeatable
      --type <type>, --exclude-type <type>       interaction types (voice, chat, ...); repeatable
      --no-follow-fallbacks   keep a fallback to a left-out rule as fallbackRuleId (default: export that rule too)
      --target-stack <name>   stack config file to write (default: --stack, else dev)
      --project <name>        Pulumi project name (default: the folder's name)
      --restart               ignore the checkpoint of an interrupted export; --force  write into a non-empty folder
      --package <spec>        pulumi-cxone-routing's dependency in the project (default: where this exporter
                              was installed from: ^<version> from the registry, else file:<its folder>)
      Exit 0 written, 1 written with analysis errors (the tenant's own), 2 error.
  promote <from> <to> [--yes]
      promotes the rule set <from> last deployed (its outputs ruleSet and ruleSetSha256), pinned by
      content hash: shows what differs, then \`pulumi preview --diff --stack <to>\`; applies it with
      \`pulumi up\` only with --yes. A working tree holding another rule set is refused.
      Exit 0 plan shown or applied, 1 refused or the preview/up failed, 2 error.
  summary --stack <stack> [--out <file>]
      Markdown for a pull-request comment or a job summary, from \`pulumi preview --json\`: the plan per
      rule and webhook with field changes, the routing tests (passed, failed), the impact table, and a
      Mermaid diagram of the rules the change touches and their fallbacks. At most 65,536 characters.
      Exit 0 preview passed, 1 preview failed (the summary says why), 2 error.

  --cwd <dir>   the Pulumi project folder (default: the nearest folder with Pulumi.yaml)`;

async function view(stack: string, cwd: string): Promise<StackView> {
  const config = await readStackConfig(stack, cwd);
  const managed = await readManagedObjects(stack, cwd);
  const tenant = await readTenant(stack, config, cwd);
  return { stack, config, managed, tenant: tenant.objects, owner: tenant.owner };
}

/** Runs one command; returns the exit code. Output goes through `print`. */
export async function run(
  argv: readonly string[],
  print: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  printError: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): Promise<number> {
  // `graph` has options of its own (see graph-command.ts).
  if (argv[0] === "graph" && !argv.includes("--help") && !argv.includes("-h")) {
    const cwdAt = argv.indexOf("--cwd");
    const dir = cwdAt > 0 && argv[cwdAt + 1] ? path.resolve(argv[cwdAt + 1]!) : process.cwd();
    return runGraphCommand(argv.slice(1), { projectDir: projectRoot(dir), cwd: process.cwd() }, print);
  }
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      stack: { type: "string", short: "s" },
      json: { type: "boolean", default: false },
      "no-program": { type: "boolean", default: false },
      program: { type: "boolean", default: false },
      graph: { type: "string" },
      cwd: { type: "string" },
      out: { type: "string" },
      project: { type: "string" },
      "target-stack": { type: "string" },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true },
      type: { type: "string", multiple: true },
      "exclude-type": { type: "string", multiple: true },
      "no-follow-fallbacks": { type: "boolean", default: false },
      restart: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      yes: { type: "boolean", default: false },
      package: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    print(USAGE);
    return values.help ? 0 : 2;
  }
  const cwd = projectRoot(values.cwd ? path.resolve(values.cwd) : process.cwd());
  if (command === "drift") {
    if (!values.stack) throw new UsageError(`drift needs --stack <stack>.\n${USAGE}`);
    const v = await view(values.stack, cwd);
    const program = values["no-program"] ? undefined : await previewOperations(values.stack, cwd);
    const report = driftReport({ stack: values.stack, owner: v.owner, managed: v.managed, tenant: v.tenant, program });
    print(values.json ? JSON.stringify(report, null, 2) : formatDriftReport(report));
    return report.drifted ? 1 : 0;
  }
  if (command === "compare") {
    const [left, right] = rest;
    if (!left || !right) throw new UsageError(`compare needs two stacks, e.g. \`cxone-routing compare dev staging\`.\n${USAGE}`);
    const comparison = compareStacks(await view(left, cwd), await view(right, cwd));
    print(values.json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
    return comparison.differences.length === 0 && comparison.drift.length === 0 ? 0 : 1;
  }
  if (command === "explain") {
    if (!values.stack) throw new UsageError(`explain needs --stack <stack>.\n${USAGE}`);
    const interaction = parseInteraction(rest[0]);
    let rules: ReturnType<typeof evaluableRules>;
    let source: string;
    if (values.program) {
      const managed = await readManagedObjects(values.stack, cwd);
      rules = evaluableRules(managed.filter((m) => m.kind === "RoutingRule").map((m) => ({ id: m.id, fields: m.outputs })));
      source = `stack ${values.stack}'s declared state (${rules.length} rules)`;
    } else {
      const tenant = await readTenant(values.stack, await readStackConfig(values.stack, cwd), cwd);
      rules = evaluableRules(tenant.objects.filter((t) => t.kind === "RoutingRule"));
      source = `stack ${values.stack}'s tenant (${rules.length} rules)`;
    }
    const explanation = explainRoute(rules, interaction, source);
    print(values.json ? JSON.stringify(explanation.json, null, 2) : explanation.text);
    if (values.graph) {
      const text = await renderGraph(routePath(rules, interaction), formatFor(values.graph, undefined), {
        title: `${JSON.stringify(interaction)} against ${source}`,
      });
      emit(text, values.graph, process.cwd(), print);
    }
    return explanation.matched ? 0 : 1;
  }
  if (command === "export") {
    if (!values.out) throw new UsageError(`export needs --out <dir>.\n${USAGE}`);
    const stack = values["target-stack"] ?? values.stack ?? "dev";
    const split = (list: string[] | undefined) => (list ?? []).flatMap((v) => v.split(",")).filter((v) => v !== "");
    const outDir = path.resolve(values.out);
    const run = await exportTenant({
      outDir,
      ...(values.project ? { project: values.project } : {}),
      stack,
      filters: {
        include: values.include ?? [],
        exclude: values.exclude ?? [],
        types: split(values.type),
        excludeTypes: split(values["exclude-type"]),
        followFallbacks: !values["no-follow-fallbacks"],
      },
      config: values.stack ? await readStackConfig(values.stack, cwd) : {},
      settingsFrom: values.stack ? `stack "${values.stack}"` : "the CXONE_* environment variables",
      restart: values.restart,
      force: values.force,
      ...(values.package !== undefined ? { packageSpec: values.package } : {}),
      print,
    });
    print(formatExportRun(run, { outDir: values.out, stack }));
    return run.project.errors.length > 0 ? 1 : 0;
  }
  if (command === "promote") {
    const [from, to, extra] = rest;
    if (!from || !to || extra)
      throw new UsageError(`promote needs two stacks, e.g. \`cxone-routing promote dev staging --yes\`.\n${USAGE}`);
    return promote({ from, to, yes: values.yes, cwd, print, printError });
  }
  if (command === "summary") {
    if (!values.stack) throw new UsageError(`summary needs --stack <stack>.\n${USAGE}`);
    const out = values.out ? path.resolve(values.out) : undefined;
    return summary({ stack: values.stack, cwd, out, print, progress: printError });
  }
  throw new UsageError(`unknown command "${command}".\n${USAGE}`);
}

/** The bin entry: expected failures print one block and exit 2; anything else is a bug and keeps its stack. */
export function main(argv: readonly string[]): void {
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof CxoneRoutingError || (error as { code?: string })?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
        process.stderr.write(`error: ${(error as Error).message}\n`);
      } else {
        process.stderr.write(`cxone-routing: unexpected error (please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
      }
      process.exitCode = 2;
    },
  );
}
