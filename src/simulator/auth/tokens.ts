import { randomBytes } from "node:crypto";
import type { Scope } from "../vocabulary";

export interface IssuedToken {
  clientId: string;
  scopes: Scope[];
  expiresAt: number;
}

export interface TokenStore {
  issue(clientId: string, scopes: Scope[], ttlSeconds: number): string;
  /** The token's grant while it is live; undefined when unknown, expired or revoked. */
  verify(token: string): IssuedToken | undefined;
  revokeAll(): void;
}

/** Opaque bearer tokens held in memory; a restart or revoke invalidates all of them. */
export function createTokenStore(now: () => number): TokenStore {
  const tokens = new Map<string, IssuedToken>();
  return {
    issue(clientId, scopes, ttlSeconds) {
      for (const [token, grant] of tokens) if (grant.expiresAt <= now()) tokens.delete(token);
      const token = `sim_${randomBytes(24).toString("base64url")}`;
      tokens.set(token, { clientId, scopes, expiresAt: now() + ttlSeconds * 1000 });
      return token;
    },
    verify(token) {
      const grant = tokens.get(token);
      if (grant === undefined) return undefined;
      if (grant.expiresAt <= now()) {
        tokens.delete(token);
        return undefined;
      }
      return grant;
    },
    revokeAll: () => tokens.clear(),
  };
}

export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}
