import * as pulumi from "@pulumi/pulumi";
import type { RuleSetAnalysisOptions } from "../../validation";
import { ProviderConfigurationError } from "../../errors/provider-configuration-error";
import { positiveInteger, settingSource } from "../../settings/settings";

export interface AnalysisSettings {
  readonly maxConditions: number | undefined;
  readonly analysis: RuleSetAnalysisOptions;
}

/**
 * Stack config of the analysis, read in the program process with the same environment fallbacks
 * as the provider: cxone:maxConditions, cxone:maxFallbackDepth, and cxone:warningsAsErrors (true:
 * duplicate priorities, shadowed rules and deep fallback chains fail the preview too).
 */
export function analysisSettings(): AnalysisSettings {
  const source = settingSource((key) => pulumi.runtime.getConfig(key));
  const maxChainDepth = positiveInteger(source, "maxFallbackDepth");
  const strict = source("warningsAsErrors") ?? "false";
  if (strict !== "true" && strict !== "false") {
    throw new ProviderConfigurationError(`cxone:warningsAsErrors must be "true" or "false", got "${strict}".`, "warningsAsErrors");
  }
  return {
    maxConditions: positiveInteger(source, "maxConditions"),
    analysis: {
      ...(maxChainDepth ? { maxChainDepth } : {}),
      ...(strict === "true" ? { severity: { duplicatePriority: "error", shadowed: "error", chainDepth: "error" } } : {}),
    },
  };
}
