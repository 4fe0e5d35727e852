import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BenchEntry, BenchOptions } from "./bench-entry";
import { BenchArgumentError, parseBenchArgs } from "./bench-args";
import { benchEntries } from "./entries";
import { round } from "./measure";
import { UnknownBenchmarkError } from "./unknown-benchmark-error";

/** The outcome of one entry: its metrics, or the error message when it threw. */
export interface BenchOutcome {
  readonly name: string;
  readonly metrics: Record<string, number>;
  readonly durationMs: number;
  readonly error?: string;
}

/** Shape of `dist/bench-results.json`. */
export interface BenchReport {
  readonly generatedAt: string;
  readonly node: string;
  readonly platform: string;
  readonly results: BenchOutcome[];
}

/**
 * The entries to run: all when `names` is empty, else exactly those named (in registry order).
 *
 * @throws {@link UnknownBenchmarkError} when a name is not registered.
 */
export function selectEntries(entries: readonly BenchEntry[], names: readonly string[]): BenchEntry[] {
  if (names.length === 0) return [...entries];
  const known = entries.map((entry) => entry.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownBenchmarkError(unknown, known);
  return entries.filter((entry) => names.includes(entry.name));
}

/** Runs entries one after another; a failing entry is recorded and does not stop the others. */
export async function runEntries(entries: readonly BenchEntry[], options: BenchOptions = {}): Promise<BenchOutcome[]> {
  const outcomes: BenchOutcome[] = [];
  for (const entry of entries) {
    const start = performance.now();
    try {
      const { metrics } = await entry.run(options);
      outcomes.push({ name: entry.name, metrics, durationMs: round(performance.now() - start) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({ name: entry.name, metrics: {}, durationMs: round(performance.now() - start), error: message });
    }
  }
  return outcomes;
}

/** A plain-text table: one row per metric. */
export function formatTable(outcomes: readonly BenchOutcome[]): string {
  const rows: Array<[string, string, string]> = [["benchmark", "metric", "value"]];
  for (const outcome of outcomes) {
    if (outcome.error !== undefined) rows.push([outcome.name, "FAILED", outcome.error]);
    for (const [metric, value] of Object.entries(outcome.metrics)) rows.push([outcome.name, metric, String(value)]);
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, column) => (column === 2 ? cell.padStart(widths[2]!) : cell.padEnd(widths[column]!))).join("  ");
  return [line(rows[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** The directory holding package.json, found upwards from this file (works from source and from dist). */
function packageRoot(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory) return process.cwd();
    directory = parent;
  }
  return directory;
}

/**
 * Writes the report, keeping results of entries that were not run this time, so running one
 * entry does not erase the others' numbers.
 */
function writeReport(path: string, outcomes: readonly BenchOutcome[]): void {
  let previous: BenchOutcome[] = [];
  if (existsSync(path)) {
    try {
      previous = (JSON.parse(readFileSync(path, "utf8")) as BenchReport).results ?? [];
    } catch {
      previous = [];
    }
  }
  const fresh = new Set(outcomes.map((outcome) => outcome.name));
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    results: [...previous.filter((outcome) => !fresh.has(outcome.name)), ...outcomes],
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Command line: `node dist/bench/run.js [--quick] [--sizes 100,500] [--runs N] [--skip-checkpoints]
 * [--update-docs] [name...]` (`npm run bench -- --quick`). `--quick` runs, unless names are given, only
 * the entries marked `quick`, each with small sizes and one run; the other flags are read by the
 * entries that have sizes and runs (see BenchOptions). Exit code 1 when an entry failed, 2 for
 * unknown names or malformed flags.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let selected: BenchEntry[];
  let options: BenchOptions;
  try {
    const parsed = parseBenchArgs(argv);
    options = parsed.options;
    const { names } = parsed;
    const quick = options.quick === true;
    selected = selectEntries(benchEntries, names);
    if (quick && names.length === 0) selected = selected.filter((entry) => entry.quick);
  } catch (error) {
    if (error instanceof UnknownBenchmarkError || error instanceof BenchArgumentError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const outcomes = await runEntries(selected, options);
  process.stdout.write(`${formatTable(outcomes)}\n`);
  const resultsPath = join(packageRoot(), "dist", "bench-results.json");
  writeReport(resultsPath, outcomes);
  process.stdout.write(`\nresults written to ${resultsPath}\n`);
  return outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
