import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildRoutingGraph, changedGraph, diffRuleSets, focusGraph, toDot, toHtml, toMermaid, toSvg } from "../graph";
import type { RoutingGraph } from "../graph";
import { UsageError } from "./errors";
import { type GraphSourceKind, type LoadedRuleSet, loadRulesFile, loadSamples, loadStackRules } from "./graph-sources";

export const GRAPH_USAGE = `  graph [--stack <stack> [--source tenant|state|program] | --rules <file>] [options]
      draws the routing: rules grouped by interaction type in evaluation order, fallbacks,
      targets, and marks (cycles, dead ends, shadowed rules, deep chains, cross-type fallbacks,
      rules no sample reaches). Exit 0 written, 2 error.
      --source     tenant (default: what it runs), state (what the stack recorded), program (\`pulumi preview\`)
      --rules <file>   a JSON array of rules {key, name, priority, interactionType, conditions, targets, fallback}
      --against <stack> | --against-source <source> | --against-rules <file>
                   draw a diff: the other rule set is "before", this one "after" (added, removed, changed,
                   and with samples, the interactions that move)
      --format mermaid|dot|svg|html   default: from --out's extension, else mermaid
      --out <file>     write there (default: stdout)
      --focus <rule> [--depth N]      only the rule and what lies within N hops (default 2)
      --changed        only what the diff touches, plus one hop of context
      --tests <file>, --corpus <file> samples (repeatable): rules none reaches are marked
      --targets nodes|inline|auto     targets as nodes, or listed in their rules (auto: inline above 150 rules)
      --max-depth N    fallback chains longer than N hops are marked (default 5)
      --title <text>`;

type Format = "mermaid" | "dot" | "svg" | "html";
const FORMATS: readonly Format[] = ["mermaid", "dot", "svg", "html"];
const SOURCES: readonly GraphSourceKind[] = ["tenant", "state", "program"];

/** The format an output file's extension names: `.html`, `.svg`, `.dot`/`.gv`, `.mmd`/`.md`. */
export function formatFor(file: string | undefined, explicit: string | undefined): Format {
  if (explicit !== undefined) {
    if (!FORMATS.includes(explicit as Format))
      throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(explicit)}.`);
    return explicit as Format;
  }
  const ext = file ? path.extname(file).toLowerCase() : "";
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".svg") return "svg";
  if (ext === ".dot" || ext === ".gv") return "dot";
  return "mermaid";
}

/** Renders a graph in a format. */
export async function renderGraph(
  graph: RoutingGraph,
  format: Format,
  options: { title?: string; targets?: "nodes" | "inline" | "auto" },
): Promise<string> {
  const shared = { ...(options.title ? { title: options.title } : {}), ...(options.targets ? { targets: options.targets } : {}) };
  if (format === "mermaid") return toMermaid(graph);
  if (format === "dot") return toDot(graph, shared);
  if (format === "svg") return toSvg(graph, shared);
  return toHtml(graph, shared);
}

/** Writes `text` to `out` (folders created) and says where, or prints it. */
export function emit(text: string, out: string | undefined, cwd: string, print: (text: string) => void): void {
  if (!out) {
    print(text.endsWith("\n") ? text.slice(0, -1) : text);
    return;
  }
  const file = path.resolve(cwd, out);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  print(`wrote ${file}`);
}

function sourceKind(value: string | undefined, flag: string): GraphSourceKind {
  const kind = (value ?? "tenant") as GraphSourceKind;
  if (!SOURCES.includes(kind)) throw new UsageError(`${flag} must be one of ${SOURCES.join(", ")}, got ${JSON.stringify(value)}.`);
  return kind;
}

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number (0 or more), got ${JSON.stringify(value)}.`);
  return n;
}

/**
 * `cxone-routing graph ...` (argv after the word `graph`): stacks are read in `dirs.projectDir`
 * (the Pulumi project folder), files (--rules, --tests, --out...) are relative to `dirs.cwd`.
 */
export async function runGraphCommand(
  argv: readonly string[],
  dirs: { readonly projectDir: string; readonly cwd: string },
  print: (text: string) => void,
): Promise<number> {
  const { projectDir, cwd } = dirs;
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      stack: { type: "string", short: "s" },
      source: { type: "string" },
      rules: { type: "string" },
      against: { type: "string" },
      "against-source": { type: "string" },
      "against-rules": { type: "string" },
      format: { type: "string" },
      out: { type: "string", short: "o" },
      focus: { type: "string" },
      depth: { type: "string" },
      changed: { type: "boolean", default: false },
      tests: { type: "string", multiple: true },
      corpus: { type: "string", multiple: true },
      targets: { type: "string" },
      "max-depth": { type: "string" },
      title: { type: "string" },
      cwd: { type: "string" },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`graph takes no positional argument, got ${JSON.stringify(positionals[0])}.\n${GRAPH_USAGE}`);
  if (!values.stack && !values.rules) throw new UsageError(`graph needs --stack <stack> or --rules <file>.\n${GRAPH_USAGE}`);
  if (values.targets !== undefined && !["nodes", "inline", "auto"].includes(values.targets)) {
    throw new UsageError(`--targets must be nodes, inline or auto, got ${JSON.stringify(values.targets)}.`);
  }
  const format = formatFor(values.out, values.format);
  const source = sourceKind(values.source, "--source");

  const after: LoadedRuleSet = values.rules ? loadRulesFile(values.rules, cwd) : await loadStackRules(values.stack!, source, projectDir);
  let before: LoadedRuleSet | undefined;
  if (values["against-rules"]) before = loadRulesFile(values["against-rules"], cwd);
  else if (values.against)
    before = await loadStackRules(
      values.against,
      values["against-source"] ? sourceKind(values["against-source"], "--against-source") : source,
      projectDir,
    );
  else if (values["against-source"]) {
    if (!values.stack) throw new UsageError("--against-source compares two sources of one --stack; with --rules use --against-rules.");
    before = await loadStackRules(values.stack, sourceKind(values["against-source"], "--against-source"), projectDir);
  }
  if (values.changed && !before)
    throw new UsageError("--changed needs something to compare with: --against, --against-source or --against-rules.");

  const samples = loadSamples(values.tests ?? [], values.corpus ?? [], cwd);
  const labels = [before?.targetLabel, after.targetLabel].filter((l) => l !== undefined);
  const options = {
    maxFallbackDepth: wholeNumber(values["max-depth"], "--max-depth", 5),
    samples,
    targetLabel: (t: Parameters<NonNullable<LoadedRuleSet["targetLabel"]>>[0]) => labels.map((l) => l(t)).find((x) => x !== undefined),
  };
  let graph = before ? diffRuleSets(before.rules, after.rules, options) : buildRoutingGraph(after.rules, options);
  if (values.changed) graph = changedGraph(graph);
  if (values.focus !== undefined) graph = focusGraph(graph, values.focus, wholeNumber(values.depth, "--depth", 2));

  const title = values.title ?? (before ? `${before.description} -> ${after.description}` : after.description);
  const text = await renderGraph(graph, format, {
    title,
    ...(values.targets ? { targets: values.targets as "nodes" | "inline" | "auto" } : {}),
  });
  emit(text, values.out, cwd, print);
  return 0;
}
