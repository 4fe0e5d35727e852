import type { AuthEndpointContext } from "./token-endpoint";
import { requestToken } from "./token-endpoint";
import type { AuthStrategy } from "./strategy";

export interface ClientCredentialsSettings {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated; undefined = every scope the client is allowed. */
  readonly scope: string | undefined;
  readonly bodyFormat: "json" | "form";
}

/** OAuth2 client credentials (RFC 6749 §4.4), credentials in the body as the seed does. */
export function createClientCredentialsStrategy(context: AuthEndpointContext, settings: ClientCredentialsSettings): AuthStrategy {
  context.redactor.add(settings.clientSecret);
  const fields: Record<string, string> = {
    grant_type: "client_credentials",
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    ...(settings.scope ? { scope: settings.scope } : {}),
  };
  const body = settings.bodyFormat === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  const contentType = settings.bodyFormat === "json" ? "application/json" : "application/x-www-form-urlencoded";
  const tokenUrl = new URL(settings.tokenUrl);
  return {
    description: `client credentials of client "${settings.clientId}"`,
    requestedScope: settings.scope,
    fetchToken: () =>
      requestToken(context, {
        tokenUrl,
        grantType: "client_credentials",
        headers: { "content-type": contentType },
        body,
        credentialsLabel: `client "${settings.clientId}"`,
        fixHint: `Fix: check clientId and clientSecret (set the secret with "pulumi config set --secret"); the secret may have been rotated or the client disabled.`,
        requestedScope: settings.scope,
      }),
  };
}
