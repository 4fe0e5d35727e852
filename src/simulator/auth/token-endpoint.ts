import type { IncomingMessage } from "node:http";
import { readBodyText } from "../http/body";
import { jsonReply, type Reply } from "../http/reply";
import type { ResolvedOptions } from "../options";
import { parseBasicAuthorization, secretsEqual } from "./credentials";
import { grantScopes } from "./scopes";
import type { TokenStore } from "./tokens";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

/**
 * POST {tokenPath}. Two grants: the seed's client_credentials (JSON or form body), and the real
 * platform's password grant (access key id/secret as username/password, client id/secret in
 * Basic). Returns the authenticated client id for the request log via `onClient`.
 */
export async function handleTokenRequest(
  req: IncomingMessage,
  options: ResolvedOptions,
  tokens: TokenStore,
  onClient: (clientId: string) => void,
): Promise<Reply> {
  const params = parseTokenParams(await readBodyText(req), req.headers["content-type"]);
  if (params === undefined) return oauthError(400, "invalid_request", "body must be JSON or application/x-www-form-urlencoded");

  const grantType = params.grant_type;
  if (grantType === undefined || grantType === "") return oauthError(400, "invalid_request", "grant_type is required");
  if (grantType !== "client_credentials" && grantType !== "password") {
    return oauthError(400, "unsupported_grant_type", `grant_type ${JSON.stringify(grantType)} is not supported`);
  }

  const basic = parseBasicAuthorization(req.headers.authorization);
  const clientId = basic?.username ?? params.client_id;
  const clientSecret = basic?.password ?? params.client_secret;
  const challenge: Record<string, string> = basic === undefined ? {} : { "WWW-Authenticate": 'Basic realm="cxone-sim"' };
  if (clientId !== options.clientId || !secretsEqual(clientSecret, options.clientSecret)) {
    return oauthError(401, "invalid_client", "client authentication failed", challenge);
  }
  if (grantType === "password") {
    if (params.username !== options.accessKeyId || !secretsEqual(params.password, options.accessKeySecret)) {
      return oauthError(401, "invalid_client", "access key authentication failed", challenge);
    }
  }

  const grant = grantScopes(params.scope, options.clientScopes);
  if (!grant.ok) return oauthError(400, "invalid_scope", `scope not allowed for this client: ${grant.unknown.join(" ")}`);

  onClient(clientId);
  const accessToken = tokens.issue(clientId, grant.scopes, options.tokenTtlSeconds);
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: options.tokenTtlSeconds,
    scope: grant.scopes.join(" "),
  };
  // The real platform's clients read the tenant id from the id_token to call discovery.
  if (grantType === "password") body.id_token = unsignedIdToken(options, clientId);
  return jsonReply(200, body, NO_STORE);
}

type TokenParams = Record<string, string | undefined>;

function parseTokenParams(text: string, contentType: string | undefined): TokenParams | undefined {
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  if (type.includes("json") || text.trim().startsWith("{")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
      return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, scopeText(value)]));
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** The seed's Go client sends scopes formatted with %s, i.e. "[a b]"; arrays are accepted too. */
function scopeText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(String).join(" ");
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}

function unsignedIdToken(options: ResolvedOptions, clientId: string): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const issuedAt = Math.floor(options.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({
    iss: "cxone-sim",
    sub: options.accessKeyId,
    aud: clientId,
    tenantId: options.tenantId,
    iat: issuedAt,
    exp: issuedAt + Math.ceil(options.tokenTtlSeconds),
  })}.`;
}
