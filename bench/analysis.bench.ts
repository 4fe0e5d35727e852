import { analyzeRuleSet } from "../provider/validation";
import type { BenchEntry } from "./bench-entry";
import { medianDurationMs, round } from "./measure";
import { countFallbackEdges, generateRuleSet } from "./rule-set-generator";

const SIZES = [10_000, 50_000];

/**
 * Stack-wide routing analysis (cycles, dangling names, priority ties, shadowing, chain depth)
 * over generated acyclic programs. Reports the median of 5 runs after warm-up, plus ms per
 * 1,000 rules: roughly equal values across sizes mean linear growth.
 */
export const analysisBench: BenchEntry = {
  name: "validation.analyzeRuleSet",
  description: "analyzeRuleSet over 10k and 50k rules with one fallback edge each",
  async run() {
    const metrics: Record<string, number> = {};
    for (const size of SIZES) {
      const rules = generateRuleSet({ rules: size, seed: size });
      let warnings = 0;
      let errors = 0;
      const ms = await medianDurationMs(() => {
        const result = analyzeRuleSet(rules);
        warnings = result.warnings.length;
        errors = result.errors.length;
      });
      const label = `${size / 1000}k`;
      metrics[`rules_${label}_ms`] = round(ms);
      metrics[`rules_${label}_ms_per_1k_rules`] = round(ms / (size / 1000), 3);
      metrics[`rules_${label}_fallback_edges`] = countFallbackEdges(rules);
      metrics[`rules_${label}_errors`] = errors;
      metrics[`rules_${label}_warnings`] = warnings;
    }
    return { metrics };
  },
};
