import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { currentOwner, ownerOf, withoutOwner } from "../../settings/ownership";
import { programClient } from "../program-client";
import type { Finding } from "../../validation/findings";
import { formatFindings } from "../../validation/findings";
import { crossTypeFallbacks, formatCaseFinding, shadowWitness, unreadCaseAttributes } from "../../routing/behaviour-warnings";
import { readCorpus } from "../../routing/corpus";
import { computeImpact, formatImpact, type ImpactSample } from "../../routing/impact";
import { createRoutingEvaluator, type EvaluableRule } from "../../routing/routing-evaluator";
import type { RoutingTestCase } from "../../routing/routing-test-case";
import { runRoutingTests, type RoutingTestFailure } from "../../routing/run-routing-tests";
import { testResults, writeWhatIfReport, type WhatIfReport } from "../../routing/what-if-report";
import { projectRoot, settingSource } from "../../settings/settings";

export interface WhatIfResult {
  readonly failures: RoutingTestFailure[];
}

/**
 * Inside the seal, after the analysis passed: the evaluator's warnings (a witness for each
 * shadowed rule, fallback chains crossing interaction types, case attributes no rule reads), the
 * routing tests, and at preview the impact report against the tenant's current rules.
 */
export async function runWhatIf(
  rules: readonly EvaluableRule[],
  cases: readonly RoutingTestCase[],
  analysisWarnings: readonly Finding[],
  /** Hides the program's secret values in every message (see kinds/secrets.ts secretHider). */
  hide: (message: string) => string = (m) => m,
): Promise<WhatIfResult> {
  const warn = (message: string) => pulumi.log.warn(hide(message));
  const evaluator = createRoutingEvaluator(rules);
  const byKey = new Map(rules.map((r) => [r.key, r]));
  for (const warning of analysisWarnings) {
    const rule = warning.code === "shadowed_rule" ? byKey.get(warning.key) : undefined;
    const witness = rule ? shadowWitness(evaluator, rule) : undefined;
    warn(formatFindings([witness ? { ...warning, reason: `${warning.reason}; ${witness}` } : warning]));
  }
  for (const finding of crossTypeFallbacks(evaluator)) warn(formatFindings([finding]));
  for (const finding of unreadCaseAttributes(rules, cases)) warn(formatCaseFinding(finding));

  const failures = runRoutingTests(evaluator, cases);
  const impact = pulumi.runtime.isDryRun() ? await impactReport(evaluator, cases, hide) : undefined;
  writeWhatIfReport({ tests: testResults(cases, failures), ...(impact ? { impact } : {}) }, process.env, hide);
  return { failures };
}

async function impactReport(
  program: ReturnType<typeof createRoutingEvaluator>,
  cases: readonly RoutingTestCase[],
  hide: (message: string) => string,
): Promise<WhatIfReport["impact"]> {
  const source = settingSource((key) => pulumi.runtime.getConfig(key));
  const corpusFile = source("impactCorpus");
  if (cases.length === 0 && !corpusFile) return undefined;
  const samples: ImpactSample[] = cases.map((c) => ({ ...c.interaction, source: `case ${JSON.stringify(c.name)}` }));
  const corpus = corpusFile ? readCorpus(path.resolve(projectRoot(), corpusFile)) : [];
  samples.push(...corpus);
  let tenantRules: EvaluableRule[];
  try {
    const client = programClient();
    // The client's snapshot: the same paged listing the remote fallback check took moments ago
    // (reused, not listed again), so the tenant is read once. On a tenant shared with other
    // stacks (cxone:owner), "now" is this stack's own rules, under the names the program uses.
    const owner = currentOwner();
    const all = [...(await client.rules.snapshot()).items.values()].map(({ object }) => object);
    tenantRules = (owner ? all.filter((r) => ownerOf(r.name) === owner) : all).map((r) => ({
      key: r.id,
      id: r.id,
      name: withoutOwner(r.name, owner),
      priority: r.priority,
      enabled: r.enabled,
      interactionType: r.interactionType,
      conditions: r.conditions ?? [],
      targets: r.targets ?? [],
      ...(r.fallbackRuleId ? { fallbackRuleId: r.fallbackRuleId } : {}),
    }));
  } catch (error) {
    pulumi.log.warn(hide(`routing impact report skipped: the tenant's rules could not be read (${(error as Error).message})`));
    return undefined;
  }
  const what = [
    cases.length ? `${cases.length} test case(s)` : "",
    corpus.length ? `${corpus.length} corpus line(s) from ${corpusFile}` : "",
  ]
    .filter(Boolean)
    .join(" + ");
  const report = computeImpact(tenantRules, program, samples);
  pulumi.log.info(hide(formatImpact(report, what)));
  return { samples: what, report };
}
