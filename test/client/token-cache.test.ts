import { describe, expect, it } from "vitest";
import type { AuthStrategy, IssuedToken } from "../../src/client/auth/strategy";
import { createTokenCache, effectiveRefreshMarginSeconds } from "../../src/client/auth/token-cache";

function countingStrategy(ttlSeconds: number): AuthStrategy & { calls: number } {
  const strategy = {
    calls: 0,
    description: "test",
    requestedScope: undefined,
    async fetchToken(): Promise<IssuedToken> {
      strategy.calls++;
      await Promise.resolve();
      return { accessToken: `token-${strategy.calls}`, expiresInSeconds: ttlSeconds };
    },
  };
  return strategy;
}

describe("token cache (injected clock)", () => {
  it("caps the refresh margin to half the lifetime of short tokens", () => {
    expect(effectiveRefreshMarginSeconds(3600, 300)).toBe(300);
    expect(effectiveRefreshMarginSeconds(60, 300)).toBe(30);
  });

  it("refreshes once the margin before expiry is reached, not before", async () => {
    let now = 0;
    const strategy = countingStrategy(3600);
    const cache = createTokenCache(strategy, { refreshMarginSeconds: 300, now: () => now });
    expect((await cache.get()).accessToken).toBe("token-1");
    now = 3299_000;
    expect((await cache.get()).accessToken).toBe("token-1");
    now = 3300_000;
    expect((await cache.get()).accessToken).toBe("token-2");
  });

  it("shares one request among concurrent callers and drops only the token that was rejected", async () => {
    const strategy = countingStrategy(3600);
    const cache = createTokenCache(strategy, { refreshMarginSeconds: 300 });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(["token-1"]));
    expect(strategy.calls).toBe(1);

    cache.invalidate("token-1");
    const refreshed = await cache.get();
    cache.invalidate("token-1"); // a late 401 for the old token must not throw the new one away
    expect((await cache.get()).accessToken).toBe(refreshed.accessToken);
    expect(strategy.calls).toBe(2);
  });

  it("passes a failed token request to every waiter and tries again on the next call", async () => {
    let fail = true;
    const cache = createTokenCache(
      {
        description: "test",
        requestedScope: undefined,
        async fetchToken() {
          if (fail) throw new Error("token endpoint down");
          return { accessToken: "ok", expiresInSeconds: 3600 };
        },
      },
      { refreshMarginSeconds: 300 },
    );
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await cache.get()).accessToken).toBe("ok");
  });
});
