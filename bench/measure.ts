import { performance } from "node:perf_hooks";

/** Options of {@link medianDurationMs}. */
export interface MeasureOptions {
  /** Untimed runs first, so the JIT has compiled the hot paths. Default 2. */
  readonly warmupRuns?: number;
  /** Timed runs; the median is reported. Default 5. */
  readonly timedRuns?: number;
}

/** Median wall-clock duration of `work` in milliseconds, after warm-up runs. */
export async function medianDurationMs(work: () => unknown, options: MeasureOptions = {}): Promise<number> {
  const warmupRuns = options.warmupRuns ?? 2;
  const timedRuns = options.timedRuns ?? 5;
  for (let i = 0; i < warmupRuns; i++) await work();
  const durations: number[] = [];
  for (let i = 0; i < timedRuns; i++) {
    const start = performance.now();
    await work();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const middle = Math.floor(durations.length / 2);
  return durations.length % 2 === 1 ? durations[middle]! : (durations[middle - 1]! + durations[middle]!) / 2;
}

/** Rounds for display and JSON (durations to 0.01 ms). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
