import { UnexpectedResponseError } from "../errors/unexpected-response-error";
import { isRecord } from "../errors/error-body";
import { errorFromResponse } from "../errors/from-response";
import { ConfigurationError } from "../errors/configuration-error";
import { parseJsonBody } from "../transport";
import { requireSecureUrl, trimSlash } from "../url-policy";
import { sendAuthCall, type AuthEndpointContext } from "./token-endpoint";

export interface DiscoverySettings {
  readonly issuerUrl: string;
  readonly discoveryPath: string;
  readonly tenantId: string;
}

/** `GET {issuer}/.well-known/cxone-configuration?tenantId=` -> api_endpoint (the tenant's API host). */
export async function discoverApiEndpoint(context: AuthEndpointContext, settings: DiscoverySettings): Promise<string> {
  const url = new URL(`${settings.issuerUrl}${settings.discoveryPath}`);
  url.searchParams.set("tenantId", settings.tenantId);
  const { response, attempts } = await sendAuthCall(context, {
    kind: "discovery",
    method: "GET",
    url,
    headers: {},
    setting: "auth.issuerUrl",
  });
  const body = parseJsonBody(response.text);
  const path = `${url.pathname}${url.search}`;
  if (response.status !== 200) {
    throw errorFromResponse({
      method: "GET",
      path,
      status: response.status,
      correlationId: response.headers.correlationid,
      headers: response.headers,
      body,
      attempts,
      clientId: context.clientId,
      configuredScope: undefined,
      redact: (text) => context.redactor.redact(text),
    });
  }
  if (!isRecord(body) || typeof body.api_endpoint !== "string" || body.api_endpoint === "") {
    throw new UnexpectedResponseError(
      `Discovery at ${url.origin}${url.pathname} for tenant "${settings.tenantId}" returned no api_endpoint. ` +
        `Fix: check auth.issuerUrl and auth.tenantId, or set baseUrl explicitly to skip discovery.`,
      { method: "GET", path, status: response.status, correlationId: response.headers.correlationid },
    );
  }
  // The discovered host receives our bearer token, so it must pass the same HTTPS rule as baseUrl.
  return trimSlash(requireSecureUrl("discovered api_endpoint", body.api_endpoint).toString());
}

/** Reads the tenant id claim from an OIDC id_token (payload only; the token came straight from the issuer over TLS). */
export function tenantIdFromIdToken(idToken: string | undefined): string | undefined {
  const payload = idToken?.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (!isRecord(claims)) return undefined;
    for (const name of ["tenantId", "tenant_id", "tenantid"]) {
      const value = claims[name];
      if (typeof value === "string" && value !== "") return value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function missingTenantError(): ConfigurationError {
  return new ConfigurationError(
    `API endpoint discovery needs a tenant id, and the token reply carried no id_token with a tenantId claim. ` +
      `Fix: set auth.tenantId, or set baseUrl to the API host to skip discovery.`,
    { problem: "MissingSetting", setting: "auth.tenantId" },
  );
}
