import type { AuthEndpointContext } from "./token-endpoint";
import { requestToken } from "./token-endpoint";
import type { AuthStrategy } from "./strategy";

export interface AccessKeySettings {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly scope: string | undefined;
}

/**
 * The real platform's back-end login: grant_type=password with the access key as
 * username/password, the application's client id/secret in Basic auth, form-encoded.
 */
export function createAccessKeyStrategy(context: AuthEndpointContext, settings: AccessKeySettings): AuthStrategy {
  // RFC 6749 §2.3.1: id and secret are form-url-encoded before Basic encoding.
  const basic = Buffer.from(`${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`).toString("base64");
  context.redactor.add(settings.clientSecret);
  context.redactor.add(settings.accessKeySecret);
  context.redactor.add(basic);
  const fields: Record<string, string> = {
    grant_type: "password",
    username: settings.accessKeyId,
    password: settings.accessKeySecret,
    ...(settings.scope ? { scope: settings.scope } : {}),
  };
  const body = new URLSearchParams(fields).toString();
  const tokenUrl = new URL(settings.tokenUrl);
  return {
    description: `access key "${settings.accessKeyId}" of client "${settings.clientId}"`,
    requestedScope: settings.scope,
    fetchToken: () =>
      requestToken(context, {
        tokenUrl,
        grantType: "password",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}` },
        body,
        credentialsLabel: `access key "${settings.accessKeyId}" with client "${settings.clientId}"`,
        fixHint:
          `Fix: check auth.accessKeyId/auth.accessKeySecret (CXone > My Profile > Access Keys) and clientId/clientSecret of the ` +
          `registered application; set secrets with "pulumi config set --secret".`,
        requestedScope: settings.scope,
      }),
  };
}
