import { writeFileSync } from "node:fs";
import { describeInteraction, describeRule } from "./describe-route";
import type { ImpactReport } from "./impact";
import type { RoutingTestCase } from "./routing-test-case";
import type { RoutingTestFailure } from "./run-routing-tests";

/**
 * `cxone-routing summary` runs `pulumi preview` with this variable naming a file: the program
 * writes there what its preview found about routing (each routing test, the impact report), as
 * data, since `pulumi preview --json` carries only text diagnostics and no passed test at all.
 */
export const WHAT_IF_REPORT_ENV = "CXONE_WHAT_IF_REPORT";

export interface WhatIfTestResult {
  readonly name: string;
  readonly interaction: string;
  readonly passed: boolean;
  /** Failed cases: where it went, what was expected, why. */
  readonly routedTo?: string;
  readonly expected?: string;
  readonly why?: string;
}

export interface WhatIfReport {
  readonly tests: readonly WhatIfTestResult[];
  /** At preview, when the tenant's rules could be read and there were samples. */
  readonly impact?: { readonly samples: string; readonly report: ImpactReport };
}

/** Each case in declaration order, passed or failed with its reason. */
export function testResults(cases: readonly RoutingTestCase[], failures: readonly RoutingTestFailure[]): WhatIfTestResult[] {
  const failed = new Map(failures.map((f) => [f.testCase, f]));
  return cases.map((c) => {
    const f = failed.get(c);
    const base = { name: c.name, interaction: describeInteraction(c.interaction) };
    if (!f) return { ...base, passed: true };
    const expect = c.expect;
    const expected = f.expected ? describeRule(f.expected) : "noRule" in expect ? "no rule" : JSON.stringify(expect);
    return { ...base, passed: false, routedTo: describeRule(f.hit), expected, why: f.reason };
  });
}

/** Writes the report where the summary command asked for it; nothing when it did not ask. */
export function writeWhatIfReport(
  report: WhatIfReport,
  env: NodeJS.ProcessEnv = process.env,
  hide: (text: string) => string = (t) => t,
): void {
  const file = env[WHAT_IF_REPORT_ENV];
  // `hide` takes the program's secret values out (the report becomes a PR comment).
  if (file) writeFileSync(file, `${hide(JSON.stringify(report))}\n`);
}
