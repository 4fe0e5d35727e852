import { analysisBench } from "./analysis.bench";
import type { BenchEntry } from "./bench-entry";
import { clientFaultsBench } from "./client-faults.bench";
import { clientRateLimitBench } from "./client-rate-limit.bench";
import { clientThroughputBench } from "./client-throughput.bench";
import { routingEvaluationBench } from "./routing-evaluation.bench";
import { engineBench } from "./engine.bench";
import { exportBench } from "./export.bench";
import { providerStartupBench } from "./provider-startup.bench";
import { graphBench } from "./graph.bench";
import { sharedBudgetBench } from "./shared-budget.bench";
import { simulatorThroughputBench } from "./simulator-throughput.bench";

/** Every benchmark the runner knows, in the order they run. Add new entries here. */
export const benchEntries: readonly BenchEntry[] = [
  analysisBench,
  clientThroughputBench,
  clientRateLimitBench,
  clientFaultsBench,
  sharedBudgetBench,
  simulatorThroughputBench,
  routingEvaluationBench,
  exportBench,
  graphBench,
  providerStartupBench,
  engineBench,
];
