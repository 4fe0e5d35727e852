/** Resident set size and used JS heap, in MiB. */
export interface MemorySnapshot {
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

const MIB = 1024 * 1024;

/**
 * Current memory. Collects garbage first when node runs with --expose-gc, so growth reflects
 * retained memory rather than garbage not yet collected; without the flag the numbers are noisier.
 */
export function memorySnapshot(): MemorySnapshot {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / MIB, heapUsedMb: usage.heapUsed / MIB };
}
