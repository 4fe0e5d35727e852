import * as pulumi from "@pulumi/pulumi";
import { leafTexts } from "../../kinds/secrets";
import { UNKNOWN_PLACEHOLDER } from "../../validation";

interface OutputInternals {
  resources(): Set<pulumi.Resource>;
  promise(withUnknowns?: boolean): Promise<unknown>;
}

function dependsOnAny(output: pulumi.Output<unknown>, resources: ReadonlySet<pulumi.Resource>): boolean {
  const own = (output as unknown as OutputInternals).resources?.();
  return !!own && [...own].some((r) => resources.has(r));
}

/**
 * Plain values of a rule's inputs for the analysis. A value computed from one of the program's
 * own rules (`fallbackRuleId: other.id`) is not awaited, since that rule waits for this analysis:
 * it counts as unknown. Unknown values become the placeholder string. The plain texts of secret
 * values go into `secrets`, so that no message of the analysis quotes them.
 */
export async function resolveForAnalysis(value: unknown, ownRules: ReadonlySet<pulumi.Resource>, secrets: string[] = []): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    if (dependsOnAny(value, ownRules)) return UNKNOWN_PLACEHOLDER;
    const [resolved, secret] = await Promise.all([(value as unknown as OutputInternals).promise(true), pulumi.isSecret(value)]);
    const plain = await resolveForAnalysis(resolved, ownRules, secrets);
    // What the analysis prints about this value must not quote it (see secretHider).
    if (secret) secrets.push(...leafTexts(plain));
    return plain;
  }
  if (value instanceof Promise) return resolveForAnalysis(await value, ownRules, secrets);
  if (pulumi.isUnknown(value)) return UNKNOWN_PLACEHOLDER;
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveForAnalysis(v, ownRules, secrets)));
  if (pulumi.Resource.isInstance(value)) return undefined;
  if (value && typeof value === "object") {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await resolveForAnalysis(v, ownRules, secrets)] as const),
    );
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  }
  return value;
}
