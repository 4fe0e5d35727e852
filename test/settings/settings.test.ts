import path from "node:path";
import { describe, expect, it } from "vitest";
import { ProviderConfigurationError } from "../../src/errors/provider-configuration-error";
import { SETTING_KEYS, resolveProviderSettings, settingSource, type SettingKey } from "../../src/settings/settings";

type Values = Record<string, string | undefined>;

/** Settings from a stack config map and an explicit environment (never the test process's). */
function resolve(config: Values, env: Values = {}, projectDir = "/project") {
  return resolveProviderSettings(
    settingSource((key) => config[key], env),
    projectDir,
  );
}

function configurationError(run: () => unknown): ProviderConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderConfigurationError);
    return error as ProviderConfigurationError;
  }
  throw new Error("expected a ProviderConfigurationError");
}

const BASE: Values = {
  "cxone:baseUrl": "https://api.example.com",
  "cxone:clientId": "id-from-config",
  "cxone:clientSecret": "secret-from-config",
};

describe("settings: every key is read from the stack config", () => {
  it("maps each cxone:* key to its setting", () => {
    const settings = resolve({
      ...BASE,
      "cxone:authUrl": "https://auth.example.com/token",
      "cxone:scopes": "routing:rules:read routing:rules:write",
      "cxone:rulesPath": "/custom/rules",
      "cxone:webhooksPath": "/custom/hooks",
      "cxone:rateLimitPerMinute": "42",
      "cxone:auditLog": "logs/audit.jsonl",
      "cxone:conflictPolicy": "overwrite",
      "cxone:maxConditions": "7",
      "cxone:maxFallbackDepth": "3",
    });
    expect(settings.client).toEqual({
      clientId: "id-from-config",
      clientSecret: "secret-from-config",
      auth: { kind: "client-credentials", scope: "routing:rules:read routing:rules:write" },
      baseUrl: "https://api.example.com",
      authUrl: "https://auth.example.com/token",
      rulesPath: "/custom/rules",
      webhooksPath: "/custom/hooks",
      rateLimitPerMinute: 42,
    });
    expect(settings.auditLogPath).toBe(path.resolve("/project", "logs/audit.jsonl"));
    expect(settings.conflictPolicy).toBe("overwrite");
    expect(settings.maxConditions).toBe(7);
  });

  it("access-key mode reads the access key, issuer and tenant", () => {
    const settings = resolve({
      "cxone:clientId": "id",
      "cxone:clientSecret": "secret",
      "cxone:authMode": "access-key",
      "cxone:accessKeyId": "key-id",
      "cxone:accessKeySecret": "key-secret",
      "cxone:issuerUrl": "https://issuer.example.com",
      "cxone:tenantId": "tenant-1",
    });
    expect(settings.client.auth).toEqual({
      kind: "access-key",
      accessKeyId: "key-id",
      accessKeySecret: "key-secret",
      issuerUrl: "https://issuer.example.com",
      tenantId: "tenant-1",
    });
    // The issuer's discovery document supplies the API address.
    expect(settings.client.baseUrl).toBeUndefined();
  });

  it("defaults: client credentials, 100 requests a minute, conflictPolicy fail, .cxone/audit.jsonl", () => {
    const settings = resolve(BASE);
    expect(settings.client.auth).toEqual({ kind: "client-credentials" });
    expect(settings.client.rateLimitPerMinute).toBe(100);
    expect(settings.conflictPolicy).toBe("fail");
    expect(settings.auditLogPath).toBe(path.resolve("/project", ".cxone", "audit.jsonl"));
    expect(settings.maxConditions).toBeUndefined();
  });

  it("every documented key has an environment variable", () => {
    for (const [key, envName] of Object.entries(SETTING_KEYS)) {
      const source = settingSource(() => undefined, { [envName]: `value-of-${key}` });
      expect(source(key as SettingKey)).toBe(`value-of-${key}`);
    }
  });
});

describe("settings: environment fallback", () => {
  it("uses the environment variable when the config key is missing or empty", () => {
    const settings = resolve(
      { "cxone:clientSecret": "" },
      {
        CXONE_BASE_URL: "https://env.example.com",
        CXONE_CLIENT_ID: "id-from-env",
        CXONE_CLIENT_SECRET: "secret-from-env",
        CXONE_CONFLICT_POLICY: "overwrite",
        CXONE_RATE_LIMIT_PER_MINUTE: "off",
      },
    );
    expect(settings.client.baseUrl).toBe("https://env.example.com");
    expect(settings.client.clientId).toBe("id-from-env");
    expect(settings.client.clientSecret).toBe("secret-from-env");
    expect(settings.conflictPolicy).toBe("overwrite");
    expect(settings.client.rateLimitPerMinute).toBe(false);
  });

  it("the stack config wins over the environment", () => {
    const settings = resolve(BASE, {
      CXONE_BASE_URL: "https://env.example.com",
      CXONE_CLIENT_ID: "id-from-env",
      CXONE_CLIENT_SECRET: "secret-from-env",
    });
    expect(settings.client.baseUrl).toBe("https://api.example.com");
    expect(settings.client.clientId).toBe("id-from-config");
    expect(settings.client.clientSecret).toBe("secret-from-config");
  });

  it("an empty environment variable counts as unset", () => {
    const error = configurationError(() => resolve({ "cxone:baseUrl": "https://api.example.com" }, { CXONE_CLIENT_ID: "" }));
    expect(error.key).toBe("clientId");
  });
});

describe("settings: missing or malformed values are ProviderConfigurationErrors", () => {
  it("missing clientId names the config key and the environment variable", () => {
    const error = configurationError(() => resolve({ "cxone:baseUrl": "https://api.example.com", "cxone:clientSecret": "s" }));
    expect(error.code).toBe("provider_configuration");
    expect(error.key).toBe("clientId");
    expect(error.message).toContain("cxone:clientId");
    expect(error.message).toContain("CXONE_CLIENT_ID");
  });

  it("missing clientSecret says to set it as a secret", () => {
    const error = configurationError(() => resolve({ "cxone:baseUrl": "https://api.example.com", "cxone:clientId": "id" }));
    expect(error.key).toBe("clientSecret");
    expect(error.message).toContain("cxone:clientSecret");
    expect(error.message).toContain("CXONE_CLIENT_SECRET");
    expect(error.message).toContain("--secret");
  });

  it("missing baseUrl without an issuer to discover it from", () => {
    const error = configurationError(() => resolve({ "cxone:clientId": "id", "cxone:clientSecret": "s" }));
    expect(error.key).toBe("baseUrl");
    expect(error.message).toContain("CXONE_BASE_URL");
  });

  it("unknown authMode", () => {
    const error = configurationError(() => resolve({ ...BASE, "cxone:authMode": "password" }));
    expect(error.key).toBe("authMode");
    expect(error.message).toBe('cxone:authMode must be "client-credentials" or "access-key", got "password".');
  });

  it("unknown conflictPolicy", () => {
    const error = configurationError(() => resolve({ ...BASE, "cxone:conflictPolicy": "merge" }));
    expect(error.key).toBe("conflictPolicy");
    expect(error.message).toBe('cxone:conflictPolicy must be "fail" or "overwrite", got "merge".');
  });

  it.each(["0", "-5", "1.5", "many"])("rateLimitPerMinute %s is not a positive integer", (raw) => {
    const error = configurationError(() => resolve({ ...BASE, "cxone:rateLimitPerMinute": raw }));
    expect(error.key).toBe("rateLimitPerMinute");
    expect(error.message).toBe(`cxone:rateLimitPerMinute must be a positive integer, got "${raw}".`);
  });

  it("access-key mode needs the access key id and secret", () => {
    const withoutId = configurationError(() => resolve({ ...BASE, "cxone:authMode": "access-key", "cxone:accessKeySecret": "k" }));
    expect(withoutId.key).toBe("accessKeyId");
    expect(withoutId.message).toContain("cxone:accessKeyId");
    expect(withoutId.message).toContain("CXONE_ACCESS_KEY_ID");

    const withoutSecret = configurationError(() => resolve({ ...BASE, "cxone:authMode": "access-key", "cxone:accessKeyId": "k" }));
    expect(withoutSecret.key).toBe("accessKeySecret");
    expect(withoutSecret.message).toContain("CXONE_ACCESS_KEY_SECRET");
  });

  it("messages never contain the configured secrets", () => {
    const error = configurationError(() =>
      resolve({ ...BASE, "cxone:authMode": "access-key", "cxone:accessKeyId": "k", "cxone:conflictPolicy": "merge" }),
    );
    expect(error.message).not.toContain("secret-from-config");
  });
});

describe("settings: auditLog", () => {
  it('"off" turns the audit file off', () => {
    expect(resolve({ ...BASE, "cxone:auditLog": "off" }).auditLogPath).toBeUndefined();
  });

  it("an absolute path is kept as is", () => {
    expect(resolve({ ...BASE, "cxone:auditLog": "/var/log/cxone.jsonl" }).auditLogPath).toBe("/var/log/cxone.jsonl");
  });
});

describe("settings: cxone:rateLimitWaitSeconds", () => {
  it("is the client's rateLimitDeadlineMs in seconds, from the config or CXONE_RATE_LIMIT_WAIT_SECONDS", () => {
    expect(resolve({ ...BASE, "cxone:rateLimitWaitSeconds": "1800" }).client.rateLimitDeadlineMs).toBe(1_800_000);
    expect(resolve(BASE, { CXONE_RATE_LIMIT_WAIT_SECONDS: "60" }).client.rateLimitDeadlineMs).toBe(60_000);
  });

  it("unset leaves the client's default (15 minutes)", () => {
    expect(resolve(BASE).client.rateLimitDeadlineMs).toBeUndefined();
  });

  it("refuses what is not a positive integer, naming the key", () => {
    for (const raw of ["0", "-5", "1.5", "ten"]) {
      const error = configurationError(() => resolve({ ...BASE, "cxone:rateLimitWaitSeconds": raw }));
      expect(error.message).toBe(`cxone:rateLimitWaitSeconds must be a positive integer, got "${raw}".`);
    }
  });
});
