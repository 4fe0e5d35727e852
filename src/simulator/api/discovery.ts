import { jsonReply, type Reply } from "../http/reply";
import type { ResolvedOptions } from "../options";

export const CXONE_DISCOVERY_PATH = "/.well-known/cxone-configuration";
export const OPENID_DISCOVERY_PATH = "/.well-known/openid-configuration";

/** The real platform's per-tenant discovery: the simulator is its own API endpoint. */
export function cxoneConfiguration(url: URL, baseUrl: string, options: ResolvedOptions): Reply {
  return jsonReply(200, {
    api_endpoint: baseUrl,
    area: "sim",
    tenantId: url.searchParams.get("tenantId") ?? options.tenantId,
    token_endpoint: `${baseUrl}${options.tokenPath}`,
  });
}

export function openidConfiguration(baseUrl: string, options: ResolvedOptions): Reply {
  return jsonReply(200, {
    issuer: baseUrl,
    token_endpoint: `${baseUrl}${options.tokenPath}`,
    grant_types_supported: ["client_credentials", "password"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
  });
}
