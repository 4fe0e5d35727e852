import { describe, expect, it } from "vitest";
import { resolveProviderSettings, settingSource } from "../../src/settings/settings";

type Values = Record<string, string | undefined>;

const BASE: Values = {
  "cxone:baseUrl": "https://api.example.com",
  "cxone:clientId": "id",
  "cxone:clientSecret": "secret",
};

function authUrl(config: Values, env: Values = {}): string | undefined {
  return resolveProviderSettings(
    settingSource((key) => config[key], env),
    "/project",
  ).client.authUrl;
}

describe("settings: cxone:tokenUrl and CXONE_TOKEN_URL still work as deprecated names of authUrl", () => {
  it("reads cxone:tokenUrl when cxone:authUrl is unset", () => {
    expect(authUrl({ ...BASE, "cxone:tokenUrl": "https://old.example.com/token" })).toBe("https://old.example.com/token");
  });

  it("reads CXONE_TOKEN_URL when neither name is in the config and CXONE_AUTH_URL is unset", () => {
    expect(authUrl(BASE, { CXONE_TOKEN_URL: "https://old-env.example.com/token" })).toBe("https://old-env.example.com/token");
  });

  it("the current name wins, from the config or the environment, over either old name", () => {
    const old = { "cxone:tokenUrl": "https://old.example.com/token" };
    expect(authUrl({ ...BASE, ...old, "cxone:authUrl": "https://new.example.com/token" })).toBe("https://new.example.com/token");
    expect(authUrl({ ...BASE, ...old }, { CXONE_AUTH_URL: "https://new-env.example.com/token" })).toBe("https://new-env.example.com/token");
  });

  it("an empty value counts as unset, as for every other key", () => {
    expect(authUrl({ ...BASE, "cxone:authUrl": "", "cxone:tokenUrl": "https://old.example.com/token" })).toBe(
      "https://old.example.com/token",
    );
  });
});
