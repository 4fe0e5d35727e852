import { describe, expect, it } from "vitest";
import { ConfigurationError, getClient, resolveClientConfig, type ClientConfigInput } from "../../src/client/index";

const base: ClientConfigInput = { baseUrl: "https://api-na1.niceincontact.com", clientId: "id", clientSecret: "secret" };

function configError(input: ClientConfigInput): ConfigurationError {
  try {
    resolveClientConfig(input);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe("client configuration", () => {
  it("fills the documented defaults", () => {
    const config = resolveClientConfig(base);
    expect(config.authUrl).toBe("https://api-na1.niceincontact.com/oauth/token");
    expect(config.rulesPath).toBe("/api/v2/routing/interactionroutingrules");
    expect(config.webhooksPath).toBe("/api/v2/webhooks");
    expect(config.rateLimitPerMinute).toBe(100);
    expect(config.tokenRefreshMarginSeconds).toBe(300);
    expect(config.retry).toEqual({ maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 20_000, maxRetryAfterMs: 120_000 });
  });

  it("sends the scope as one space-separated string, never as a formatted list", () => {
    const config = resolveClientConfig({ ...base, auth: { kind: "client-credentials", scope: ["routing:rules:read", "webhooks:write"] } });
    expect(config.auth.scope).toBe("routing:rules:read webhooks:write");
  });

  it("rejects plain http to a non-loopback host, naming the URL and the fix", () => {
    const error = configError({ ...base, baseUrl: "http://api-na1.niceincontact.com" });
    expect(error.code).toBe("configuration_error");
    expect(error.problem).toBe("InsecureUrl");
    expect(error.setting).toBe("baseUrl");
    expect(error.message).toContain("http://api-na1.niceincontact.com");
    expect(error.message).toContain('Fix: use "https://api-na1.niceincontact.com"');
  });

  it("checks authUrl and issuerUrl the same way", () => {
    expect(configError({ ...base, authUrl: "http://example.com/oauth/token" }).setting).toBe("authUrl");
    const issuer = configError({
      clientId: "id",
      clientSecret: "secret",
      auth: { kind: "access-key", accessKeyId: "k", accessKeySecret: "s", issuerUrl: "http://cxone.niceincontact.com" },
    });
    expect(issuer.setting).toBe("auth.issuerUrl");
  });

  it("allows plain http for loopback hosts", () => {
    for (const url of ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"]) {
      expect(resolveClientConfig({ ...base, baseUrl: url }).baseUrl).toBe(url);
    }
  });

  it("getClient refuses a bad configuration before any request", () => {
    expect(() => getClient({ ...base, baseUrl: "http://10.0.0.1" })).toThrow(ConfigurationError);
  });

  it("names the setting for missing secrets and bad numbers", () => {
    expect(configError({ ...base, clientSecret: "" }).setting).toBe("clientSecret");
    expect(configError({ ...base, retry: { maxAttempts: 0 } }).setting).toBe("retry.maxAttempts");
    expect(configError({ ...base, rateLimitPerMinute: -1 }).setting).toBe("rateLimitPerMinute");
    expect(configError({ clientId: "id", clientSecret: "s" }).setting).toBe("baseUrl");
  });
});
