import { performance } from "node:perf_hooks";

/** What {@link runConcurrently} observed: wall time and one end-to-end latency per task. */
export interface LoadRun {
  readonly elapsedMs: number;
  /** Per task, in completion order, milliseconds. */
  readonly latenciesMs: number[];
}

/**
 * Runs `task(0..total-1)` with at most `concurrency` in flight. Workers pull the next index, so a
 * slow task never idles the other slots. Rejects with the first task error.
 */
export async function runConcurrently(total: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const started = performance.now();
      await task(index);
      latenciesMs.push(performance.now() - started);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { elapsedMs: performance.now() - start, latenciesMs };
}
