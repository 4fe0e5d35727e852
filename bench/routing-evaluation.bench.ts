import { computeImpact, createRoutingEvaluator, type EvaluableRule, type Interaction } from "../src/routing";
import type { BenchEntry } from "./bench-entry";
import { medianDurationMs, round } from "./measure";
import { generateRuleSet } from "./rule-set-generator";

/** Interactions shaped like the generated rules' vocabulary, so many of them match some rule. */
function interactions(rules: readonly EvaluableRule[], count: number, seed: number): Interaction[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out: Interaction[] = [];
  for (let i = 0; i < count; i++) {
    const template = rules[Math.floor(next() * rules.length)]!;
    const attributes: Record<string, unknown> = {};
    for (const c of template.conditions) attributes[c.field] = next() < 0.7 ? c.value : `${String(c.value)}-x`;
    out.push({ interactionType: template.interactionType, attributes });
  }
  return out;
}

function evaluable(size: number, seed: number): EvaluableRule[] {
  return generateRuleSet({ rules: size, seed }).map((r) => ({ ...r, targets: [{ type: "queue", id: `q-${r.key}`, weight: 100 }] }));
}

/**
 * The routing evaluator: 10,000 interactions against 1,000 rules (compile + route), and the
 * impact computation of a 5,000-line corpus between two rule sets (the program and a tenant that
 * differs by 10% of its rules).
 */
export const routingEvaluationBench: BenchEntry = {
  name: "routing.evaluate",
  description: "evaluate 10k interactions against 1k rules; impact of a 5k corpus between two 1k-rule sets",
  async run() {
    const rules = evaluable(1_000, 7);
    const sample = interactions(rules, 10_000, 11);
    let matched = 0;
    const evaluateMs = await medianDurationMs(() => {
      const evaluator = createRoutingEvaluator(rules);
      matched = 0;
      for (const interaction of sample) if (evaluator.route(interaction).rule) matched++;
    });
    const tenant = rules.map((r, i) => (i % 10 === 0 ? { ...r, priority: r.priority + 500 } : r));
    const corpus = sample.slice(0, 5_000).map((s, i) => ({ ...s, source: `line ${i + 1}` }));
    let changed = 0;
    const impactMs = await medianDurationMs(() => {
      changed = computeImpact(tenant, rules, corpus).changed;
    });
    return {
      metrics: {
        evaluate_10k_interactions_1k_rules_ms: round(evaluateMs),
        evaluate_us_per_interaction: round((evaluateMs * 1000) / sample.length, 3),
        evaluate_matched: matched,
        impact_5k_corpus_1k_rules_ms: round(impactMs),
        impact_changed: changed,
      },
    };
  },
};
