import { analysisBench } from "./analysis.bench";
import type { BenchEntry } from "./benchEntry";

/** Every benchmark the runner knows, in the order they run. Add new entries here. */
export const benchEntries: readonly BenchEntry[] = [analysisBench];
