import type { IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { requiredScope } from "../auth/scopes";
import { handleTokenRequest } from "../auth/token-endpoint";
import { bearerTokenOf } from "../auth/tokens";
import type { SimulatorContext } from "../context";
import { acceptsJson } from "../http/accept";
import { ApiError } from "../http/api-error";
import type { Reply } from "../http/reply";
import type { RequestLogEntry } from "../request-log";
import { cxoneConfiguration, openidConfiguration } from "./discovery";
import { handleCollection, handleItem, type ResourceCall } from "./resource-routes";
import { type ApiRoute, matchRoute } from "./route-table";

export type LogDraft = Omit<RequestLogEntry, "seq" | "time">;

/**
 * Everything outside /_admin. For rules and webhooks the checks run in this order:
 * route/method, latency fault, bearer token (401), Accept (406), 429 burst fault, rate limit (429),
 * scope (403), error fault (500/503), then the handler.
 */
export async function handleApiRequest(ctx: SimulatorContext, req: IncomingMessage, url: URL, log: LogDraft): Promise<Reply> {
  const method = (req.method ?? "GET").toUpperCase();
  const route = matchRoute(url.pathname, ctx.options);
  if (route === undefined) throw new ApiError(404, "not_found", `no route for ${url.pathname}`);
  log.template = route.template;
  if (!route.methods.includes(method)) {
    throw new ApiError(405, "method_not_allowed", `${method} is not allowed on ${route.template}`, {
      headers: { Allow: route.methods.join(", ") },
    });
  }

  const latency = ctx.faults.latencyMs();
  if (latency > 0) {
    log.injectedLatencyMs = latency;
    await sleep(latency);
  }

  switch (route.kind) {
    case "token":
      return handleTokenRequest(req, ctx.options, ctx.tokens, (clientId) => {
        log.clientId = clientId;
      });
    case "cxone-discovery":
      return cxoneConfiguration(url, ctx.baseUrl, ctx.options);
    case "openid-discovery":
      return openidConfiguration(ctx.baseUrl, ctx.options);
    default:
      return handleResourceRequest(ctx, req, url, method, route, log);
  }
}

async function handleResourceRequest(
  ctx: SimulatorContext,
  req: IncomingMessage,
  url: URL,
  method: string,
  route: Extract<ApiRoute, { kind: "collection" | "item" }>,
  log: LogDraft,
): Promise<Reply> {
  const token = bearerTokenOf(req.headers.authorization);
  const grant = token === undefined ? undefined : ctx.tokens.verify(token);
  if (grant === undefined) {
    const message = token === undefined ? "a bearer token is required" : "the bearer token is invalid, expired or revoked";
    throw new ApiError(401, "invalid_token", message, { headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } });
  }
  log.clientId = grant.clientId;

  if (!acceptsJson(req.headers.accept)) {
    throw new ApiError(406, "not_acceptable", "this API only produces application/json");
  }

  if (ctx.faults.takeRateLimitBurst()) throw rateLimited(ctx, 1);
  const decision = ctx.rateLimiter.take(grant.clientId);
  if (!decision.allowed) throw rateLimited(ctx, decision.retryAfterSeconds);

  const scope = requiredScope(route.resource, method);
  if (!grant.scopes.includes(scope)) {
    throw new ApiError(403, "insufficient_scope", `token lacks scope ${scope}`, {
      headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"` },
    });
  }

  const injected = ctx.faults.drawError();
  if (injected !== undefined) {
    throw injected === 503
      ? new ApiError(503, "service_unavailable", "the service is temporarily unavailable (injected fault)", {
          headers: ctx.options.retryAfterHeader ? { "Retry-After": "1" } : {},
        })
      : new ApiError(500, "internal_error", "internal server error (injected fault)");
  }

  const call: ResourceCall = {
    req,
    method,
    url,
    clientId: grant.clientId,
    ifMatch: log.ifMatch ?? undefined,
    idempotencyKey: log.idempotencyKey ?? undefined,
  };
  if (route.resource === "rules") {
    return route.kind === "collection"
      ? handleCollection(call, ctx.rules, route.path, ctx.idempotency, ctx.options.listETags)
      : handleItem(call, ctx.rules, route.id);
  }
  return route.kind === "collection"
    ? handleCollection(call, ctx.webhooks, route.path, ctx.idempotency, ctx.options.listETags)
    : handleItem(call, ctx.webhooks, route.id);
}

function rateLimited(ctx: SimulatorContext, retryAfterSeconds: number): ApiError {
  return new ApiError(429, "rate_limited", `rate limit of ${ctx.options.rateLimitPerMinute} requests per minute exceeded`, {
    headers: ctx.options.retryAfterHeader ? { "Retry-After": String(retryAfterSeconds) } : {},
  });
}
