import { analyzeRuleSet, type AnalyzableRule } from "../src/validation";
import type { BenchEntry } from "./bench-entry";
import { medianDurationMs, round } from "./measure";
import { countFallbackEdges, generateCyclicRuleSet, generateRuleSet } from "./rule-set-generator";

const SIZES = [10_000, 50_000];
const CYCLE_SIZE = 50_000;

async function timed(metrics: Record<string, number>, label: string, rules: readonly AnalyzableRule[], quick: boolean) {
  let warnings = 0;
  let errors = 0;
  try {
    const ms = await medianDurationMs(
      () => {
        const result = analyzeRuleSet(rules);
        warnings = result.warnings.length;
        errors = result.errors.length;
      },
      quick ? { warmupRuns: 1, timedRuns: 1 } : {},
    );
    metrics[`${label}_ms`] = round(ms);
    metrics[`${label}_ms_per_1k_rules`] = round(ms / (rules.length / 1000), 3);
  } catch (error) {
    // Before issue 16 a recursive Tarjan could overflow the stack: record the failure as -1.
    metrics[`${label}_ms`] = -1;
    process.stderr.write(`${label}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  metrics[`${label}_fallback_edges`] = countFallbackEdges(rules);
  metrics[`${label}_errors`] = errors;
  metrics[`${label}_warnings`] = warnings;
}

/**
 * Stack-wide routing analysis (cycles, dangling names, priority ties, shadowing, chain depth):
 * generated acyclic programs of 10k and 50k rules, then 50k rules in one fallback cycle and 50k
 * rules in 25k two-rule cycles. Reports the median of 5 runs after warm-up, plus ms per 1,000
 * rules: roughly equal values across sizes mean linear growth.
 */
export const analysisBench: BenchEntry = {
  name: "validation.analyzeRuleSet",
  description: "analyzeRuleSet over 10k and 50k acyclic rules, 50k in one cycle, 50k in 2-cycles",
  quick: true,
  async run(options = {}) {
    const quick = options.quick === true;
    const metrics: Record<string, number> = {};
    for (const size of quick ? [CYCLE_SIZE] : SIZES) {
      await timed(metrics, `rules_${size / 1000}k`, generateRuleSet({ rules: size, seed: size }), quick);
    }
    await timed(metrics, `one_cycle_${CYCLE_SIZE / 1000}k`, generateCyclicRuleSet({ rules: CYCLE_SIZE, cycleLength: CYCLE_SIZE }), quick);
    await timed(metrics, `two_cycles_${CYCLE_SIZE / 1000}k`, generateCyclicRuleSet({ rules: CYCLE_SIZE, cycleLength: 2 }), quick);
    return { metrics };
  },
};
