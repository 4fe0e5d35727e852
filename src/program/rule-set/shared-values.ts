import { UNKNOWN_PLACEHOLDER, type Finding } from "../../validation";

/**
 * Two rules of the program with one CXone `name` (unique per tenant) or one `adoptId` (one object
 * cannot be managed twice): an error at preview naming both resources.
 */
export function sharedValues(rules: readonly { key: string; name: unknown; adoptId: unknown }[]): Finding[] {
  const findings: Finding[] = [];
  for (const field of ["name", "adoptId"] as const) {
    const first = new Map<string, string>();
    for (const rule of rules) {
      const value = rule[field];
      if (typeof value !== "string" || value === "" || value === UNKNOWN_PLACEHOLDER) continue;
      const other = first.get(value);
      if (other === undefined) first.set(value, rule.key);
      else
        findings.push({
          key: rule.key,
          field,
          code: "invalid_input",
          reason:
            field === "name"
              ? `"${value}" is also the name of RoutingRule "${other}"; names are unique per CXone tenant: rename one of them`
              : `"${value}" is also the adoptId of RoutingRule "${other}"; one object can be adopted by one resource only: remove adoptId from one of them`,
        });
    }
  }
  return findings;
}
