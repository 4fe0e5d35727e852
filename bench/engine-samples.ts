/** The measured phases of one stack's life, in the order they run. */
export const PHASES = ["preview", "up", "preview_noop", "refresh", "destroy"] as const;
/** Phases run once more with PULUMI_SKIP_CHECKPOINTS=true at the largest size (see docs/performance.md). */
export const SKIP_PHASES = ["up_skip_checkpoints", "destroy_skip_checkpoints"] as const;

export type PhaseName = (typeof PHASES)[number] | (typeof SKIP_PHASES)[number];
export type Variant = "bare" | "cxone";

/** Calls the simulator logged during one phase, by kind. */
export interface ApiCalls {
  /** Every /api/ request. */
  readonly api: number;
  /** GET of a collection (a page of a listing). */
  readonly list: number;
  /** GET of one object by id. */
  readonly read: number;
  /** POST, PUT, PATCH, DELETE. */
  readonly write: number;
  /** Token requests (not /api/), counted apart. */
  readonly token: number;
}

export interface PhaseSample {
  readonly ms: number;
  readonly calls?: ApiCalls;
  /** From the program's probe: only phases that run the program (previews and up). */
  readonly programCpuMs?: number;
  readonly programRssMb?: number;
  /** Peak VmHWM of the dynamic-provider process (0 when the phase started none). */
  readonly providerRssMb: number;
  /** CPU of the dynamic-provider process(es), ms (absent in files written before it was measured). */
  readonly providerCpuMs?: number;
  /** CPU of every process of the command (engine, language host, program, provider), ms. */
  readonly allCpuMs?: number;
}

/** One stack of `size` rules taken through every phase. */
export interface VariantRun {
  readonly variant: Variant;
  readonly size: number;
  /** 1-based. */
  readonly run: number;
  readonly phases: Partial<Record<PhaseName, PhaseSample>>;
  /** The checkpoint file after `up`. */
  readonly stateBytes: number;
}

/** What `dist/engine-bench.json` holds: enough to redraw the report without re-running. */
export interface EngineBenchResults {
  readonly date: string;
  readonly machine: { readonly nproc: number; readonly memoryGb: number; readonly node: string; readonly cpu: string };
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly samples: readonly VariantRun[];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of `pick` over the runs of one variant at one size (undefined when no run has it). */
export function medianOf(
  results: EngineBenchResults,
  variant: Variant,
  size: number,
  pick: (run: VariantRun) => number | undefined,
): number | undefined {
  const values = results.samples
    .filter((run) => run.variant === variant && run.size === size)
    .map(pick)
    .filter((value): value is number => value !== undefined);
  return median(values);
}
