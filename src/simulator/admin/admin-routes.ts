import type { IncomingMessage } from "node:http";
import { ApiError } from "../http/api-error";
import { isPlainObject, readJsonBody } from "../http/body";
import { emptyReply, jsonReply, type Reply } from "../http/reply";
import type { RouteRequest } from "../routing-evaluation";
import type { SeedInput, SimulatorAdmin } from "./admin";

export const ADMIN_PREFIX = "/_admin";

export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
}

/** The HTTP face of SimulatorAdmin: no auth, no rate limit, no faults, not in the request log. */
export async function handleAdminRequest(admin: SimulatorAdmin, req: IncomingMessage, url: URL): Promise<Reply> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, "");
  const route = `${method} ${path}`;

  switch (route) {
    case "POST /reset":
      await admin.reset();
      return emptyReply();
    case "POST /seed":
      return jsonReply(200, await admin.seed(await objectBody<SeedInput>(req)));
    case "GET /requests":
      return jsonReply(200, { requests: admin.requests() });
    case "GET /counters":
      return jsonReply(200, { counters: admin.counters() });
    case "POST /tokens/revoke":
      admin.revokeTokens();
      return emptyReply();
    case "GET /faults":
      return jsonReply(200, { faults: admin.faults() });
    case "POST /faults":
      admin.setFaults(await objectBody(req));
      return jsonReply(200, { faults: admin.faults() });
    case "DELETE /faults":
      admin.clearFaults();
      return emptyReply();
    case "GET /deliveries":
      return jsonReply(200, { deliveries: admin.deliveries() });
    case "POST /deliveries/flush":
      await admin.flushDeliveries();
      return emptyReply();
    case "GET /state":
      return jsonReply(200, admin.state());
    case "POST /route":
      return jsonReply(200, admin.route(await objectBody<RouteRequest>(req)));
  }

  const edit = /^\/rules\/([^/]+)\/edit$/.exec(path);
  if (edit?.[1] !== undefined) {
    if (method !== "POST") throw new ApiError(405, "method_not_allowed", "use POST", { headers: { Allow: "POST" } });
    return jsonReply(200, await admin.editRule(decodeURIComponent(edit[1]), await objectBody(req)));
  }
  throw new ApiError(404, "not_found", `no admin route ${route}`);
}

async function objectBody<T>(req: IncomingMessage): Promise<T> {
  const body = await readJsonBody(req);
  if (!isPlainObject(body)) throw new ApiError(400, "invalid_body", "request body must be a JSON object");
  return body as T;
}
