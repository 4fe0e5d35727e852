import type { BenchOptions } from "./bench-entry";

/** Thrown for a malformed flag value on the benchmark command line. */
export class BenchArgumentError extends Error {
  readonly code = "bench_argument";

  constructor(flag: string, value: string | undefined, expected: string) {
    super(`${flag} ${value ?? "(missing)"}: expected ${expected}, e.g. \`npm run bench -- engine.pulumi --sizes 100,500 --runs 3\``);
    this.name = "BenchArgumentError";
  }
}

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < 1) throw new BenchArgumentError(flag, value, "a positive whole number");
  return number;
}

/** Splits the command line into benchmark names and options. */
export function parseBenchArgs(argv: readonly string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  let quick = false;
  let skipCheckpoints = false;
  let updateDocs = false;
  let reportOnly = false;
  let sizes: number[] | undefined;
  let runs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--quick") quick = true;
    else if (arg === "--skip-checkpoints") skipCheckpoints = true;
    else if (arg === "--update-docs") updateDocs = true;
    else if (arg === "--report-only") reportOnly = true;
    else if (arg === "--runs") runs = positiveInteger(arg, argv[++i]);
    else if (arg === "--sizes") {
      const value = argv[++i];
      if (value === undefined || value === "") throw new BenchArgumentError(arg, value, "rule counts separated by commas");
      sizes = value.split(",").map((part) => positiveInteger(arg, part));
    } else if (arg.startsWith("--"))
      throw new BenchArgumentError(arg, undefined, "one of --quick, --sizes, --runs, --skip-checkpoints, --update-docs, --report-only");
    else names.push(arg);
  }
  return {
    names,
    options: { quick, skipCheckpoints, updateDocs, reportOnly, ...(sizes ? { sizes } : {}), ...(runs ? { runs } : {}) },
  };
}
