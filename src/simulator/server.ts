import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, Server, ServerResponse } from "node:http";
import { handleAdminRequest, isAdminPath } from "./admin/admin-routes";
import type { SimulatorAdmin } from "./admin/admin";
import { handleApiRequest, type LogDraft } from "./api/api-pipeline";
import type { SimulatorContext } from "./context";
import { ApiError } from "./http/api-error";
import type { Reply } from "./http/reply";
import { malformReply } from "./malformed-reply";

/**
 * One listener for everything: /_admin goes to the admin routes, the rest through the API
 * pipeline. Committed writes are persisted before the reply and may then lose it to the
 * drop-response fault, which is how a client meets "the change happened but I never heard".
 */
export function createRequestHandler(ctx: SimulatorContext, admin: SimulatorAdmin): RequestListener {
  return (req, res) => {
    handle(ctx, admin, req, res).catch((error: unknown) => {
      ctx.options.logger?.warn(`simulator failed to answer ${req.method ?? "?"} ${req.url ?? "?"}: ${(error as Error).message}`);
      if (!res.headersSent) res.destroy();
    });
  };
}

async function handle(ctx: SimulatorContext, admin: SimulatorAdmin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const correlationId = headerValue(req, "correlationid") ?? randomUUID();
  res.setHeader("CorrelationId", correlationId);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");

  if (isAdminPath(url.pathname)) {
    writeReply(res, await handleAdminRequest(admin, req, url).catch((error: unknown) => errorReply(ctx, error)));
    return;
  }

  const started = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const log: LogDraft = {
    method,
    path: url.pathname,
    query: url.search,
    template: url.pathname,
    status: 0,
    clientId: null,
    correlationId,
    ifMatch: headerValue(req, "if-match") ?? null,
    idempotencyKey: headerValue(req, "idempotency-key") ?? null,
    dropped: false,
    replayed: false,
    injectedLatencyMs: 0,
  };
  let reply = await handleApiRequest(ctx, req, url, log).catch((error: unknown) => errorReply(ctx, error));

  if (reply.committed === true) {
    try {
      await ctx.persist();
    } catch (error) {
      ctx.options.logger?.warn(`could not write the data file: ${(error as Error).message}`);
      reply = errorReply(ctx, new ApiError(500, "persistence_failed", "the change could not be persisted"));
    }
  }
  log.status = reply.status;
  log.replayed = reply.replayed === true;
  if (reply.committed === true && ctx.faults.drawDrop()) {
    log.dropped = true;
    ctx.requestLog.record(log);
    ctx.options.logger?.info(`${method} ${url.pathname} ${reply.status} committed, response dropped (fault)`);
    req.socket.resetAndDestroy();
    return;
  }
  if (reply.status >= 200 && reply.status < 300 && reply.status !== 204 && isResourceTemplate(ctx, log.template)) {
    const shape = ctx.faults.takeMalformed();
    if (shape !== undefined) {
      reply = malformReply(reply, shape);
      log.status = reply.status;
      ctx.options.logger?.info(`${method} ${url.pathname} answered with malformed shape ${shape} (fault)`);
    }
  }
  ctx.requestLog.record(log);
  ctx.options.logger?.info(`${method} ${url.pathname} ${reply.status} ${Math.round(performance.now() - started)}ms`);
  writeReply(res, reply);
}

function isResourceTemplate(ctx: SimulatorContext, template: string): boolean {
  const { rulesPath, webhooksPath } = ctx.options;
  return [rulesPath, webhooksPath].some((path) => template === path || template.startsWith(`${path}/`));
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

function errorReply(ctx: SimulatorContext, error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body(), headers: error.headers };
  ctx.options.logger?.warn(`unexpected simulator error: ${(error as Error).message}`);
  return {
    status: 500,
    body: { errors: [{ field: null, message: "unexpected simulator error", errorCode: "internal_error" }] },
  };
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.raw !== undefined) {
    res.writeHead(reply.status, { "Content-Type": reply.raw.contentType, "Content-Length": String(Buffer.byteLength(reply.raw.text)) });
    res.end(reply.raw.text);
    return;
  }
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("server has no TCP address"));
      else resolve(address.port);
    });
  });
}
