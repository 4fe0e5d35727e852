import type { AuthStrategy, IssuedToken } from "./strategy";

export interface TokenCache {
  /** A token valid for at least the refresh margin; concurrent callers share one token request. */
  get(): Promise<IssuedToken>;
  /**
   * Called after a 401 with the token that was rejected. Only that exact token is dropped, so 50
   * requests failing with the same old token cause one refresh, not 50.
   */
  invalidate(rejectedAccessToken: string): void;
}

export interface TokenCacheOptions {
  /** Refresh this long before expiry; capped to half the token lifetime. */
  readonly refreshMarginSeconds: number;
  readonly now?: () => number;
}

/** Effective margin: a 60 s token with a 300 s margin would be refreshed on every call. */
export function effectiveRefreshMarginSeconds(ttlSeconds: number, configuredMarginSeconds: number): number {
  return Math.min(configuredMarginSeconds, ttlSeconds / 2);
}

export function createTokenCache(strategy: AuthStrategy, options: TokenCacheOptions): TokenCache {
  const now = options.now ?? Date.now;
  let cached: { token: IssuedToken; refreshAt: number } | undefined;
  let inFlight: Promise<IssuedToken> | undefined;

  const fetchFresh = (): Promise<IssuedToken> => {
    if (inFlight) return inFlight;
    // Count the lifetime from before the request: the server started the clock when it issued.
    const requestedAt = now();
    inFlight = strategy
      .fetchToken()
      .then((token) => {
        const margin = effectiveRefreshMarginSeconds(token.expiresInSeconds, options.refreshMarginSeconds);
        cached = { token, refreshAt: requestedAt + (token.expiresInSeconds - margin) * 1000 };
        return token;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    get() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      return fetchFresh();
    },
    invalidate(rejectedAccessToken) {
      if (cached?.token.accessToken === rejectedAccessToken) cached = undefined;
    },
  };
}
