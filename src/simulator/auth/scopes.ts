import { SCOPES, type Scope, isOneOf } from "../vocabulary";

export type ScopeGrant = { ok: true; scopes: Scope[] } | { ok: false; unknown: string[] };

/** No scope requested means every scope the client is allowed, as on the platform. */
export function grantScopes(requested: string | undefined, allowed: readonly Scope[]): ScopeGrant {
  const names = (requested ?? "").split(/[\s,]+/).filter((name) => name !== "");
  if (names.length === 0) return { ok: true, scopes: [...allowed] };
  const refused = names.filter((name) => !isOneOf(SCOPES, name) || !allowed.includes(name));
  if (refused.length > 0) return { ok: false, unknown: refused };
  return { ok: true, scopes: [...new Set(names as Scope[])] };
}

export function requiredScope(resource: "rules" | "webhooks", method: string): Scope {
  const write = method !== "GET" && method !== "HEAD";
  if (resource === "rules") return write ? "routing:rules:write" : "routing:rules:read";
  return write ? "webhooks:write" : "webhooks:read";
}
