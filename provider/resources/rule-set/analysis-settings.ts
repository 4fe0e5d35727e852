import * as pulumi from "@pulumi/pulumi";
import type { RuleSetAnalysisOptions } from "../../validation";

export interface AnalysisSettings {
  readonly maxConditions: number | undefined;
  readonly analysis: RuleSetAnalysisOptions;
}

function positiveInteger(key: string): number | undefined {
  const raw = pulumi.runtime.getConfig(`cxone:${key}`) ?? process.env[`CXONE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`cxone:${key} must be a positive integer, got "${raw}".`);
  return value;
}

/**
 * Stack config of the analysis, read in the program process: cxone:maxConditions,
 * cxone:maxFallbackDepth, and cxone:warningsAsErrors (true: duplicate priorities, shadowed rules
 * and deep fallback chains fail the preview too).
 */
export function analysisSettings(): AnalysisSettings {
  const maxChainDepth = positiveInteger("maxFallbackDepth");
  const strict = (pulumi.runtime.getConfig("cxone:warningsAsErrors") ?? process.env.CXONE_WARNINGS_AS_ERRORS) === "true";
  return {
    maxConditions: positiveInteger("maxConditions"),
    analysis: {
      ...(maxChainDepth ? { maxChainDepth } : {}),
      ...(strict ? { severity: { duplicatePriority: "error", shadowed: "error", chainDepth: "error" } } : {}),
    },
  };
}
