/** What one benchmark reports: named numbers (durations in ms, rates, counts). */
export interface BenchResult {
  readonly metrics: Record<string, number>;
}

/** Flags of `npm run bench -- [--quick] [--sizes 100,500] [--runs N] [--skip-checkpoints] [--update-docs] [--report-only] [name...]`. */
export interface BenchOptions {
  /** Smaller sizes and single runs: the whole `--quick` run stays under two minutes. */
  readonly quick?: boolean;
  /** `--sizes`: the sizes to run (entries that have sizes; others ignore it). */
  readonly sizes?: readonly number[];
  /** `--runs`: runs per size (medians are reported). */
  readonly runs?: number;
  /** `--skip-checkpoints`: engine.pulumi also measures up and destroy with PULUMI_SKIP_CHECKPOINTS=true at its largest size. */
  readonly skipCheckpoints?: boolean;
  /** `--update-docs`: engine.pulumi copies its table and chart into docs/performance.md and docs/images/. */
  readonly updateDocs?: boolean;
  /** `--report-only`: engine.pulumi redraws its report from dist/engine-bench.json without running anything. */
  readonly reportOnly?: boolean;
}

/** One benchmark known to the runner; register it in `entries.ts`. */
export interface BenchEntry {
  /** Unique name, used to select it on the command line (`node dist/bench/run.js <name>`). */
  readonly name: string;
  /** One line for people reading the results. */
  readonly description?: string;
  /** Runs under `--quick` (with `options.quick`); entries without it are skipped there unless named. */
  readonly quick?: boolean;
  run(options?: BenchOptions): Promise<BenchResult>;
}
