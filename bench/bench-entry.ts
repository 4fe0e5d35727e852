/** What one benchmark reports: named numbers (durations in ms, rates, counts). */
export interface BenchResult {
  readonly metrics: Record<string, number>;
}

/** One benchmark known to the runner; register it in `entries.ts`. */
export interface BenchEntry {
  /** Unique name, used to select it on the command line (`node dist/bench/run.js <name>`). */
  readonly name: string;
  /** One line for people reading the results. */
  readonly description?: string;
  run(): Promise<BenchResult>;
}
