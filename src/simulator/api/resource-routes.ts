import type { IncomingMessage } from "node:http";
import { ApiError, notFound } from "../http/api-error";
import { readJsonBody } from "../http/body";
import { emptyReply, jsonReply, type Reply } from "../http/reply";
import type { ResourceService } from "../resources/resource-service";
import type { IdempotencyStore } from "../store/idempotency-store";
import type { FieldError } from "../validation/field-error";

export interface ResourceCall {
  req: IncomingMessage;
  method: string;
  url: URL;
  clientId: string;
  ifMatch: string | undefined;
  idempotencyKey: string | undefined;
}

const MAX_PAGE_SIZE = 100;

/** GET (paged list) and POST (create, with Idempotency-Key replay) on a collection path. */
export async function handleCollection<V extends { id: string; name: string }>(
  call: ResourceCall,
  service: ResourceService<V>,
  collectionPath: string,
  idempotency: IdempotencyStore,
  listETags = true,
): Promise<Reply> {
  if (call.method === "GET") return listPage(call.url, service, listETags);

  const body = await readJsonBody(call.req);
  const key = call.idempotencyKey;
  if (key !== undefined) {
    const record = idempotency.find(call.clientId, collectionPath, key);
    if (record !== undefined) {
      return { ...record.reply, headers: { ...record.reply.headers, "Idempotent-Replayed": "true" }, replayed: true };
    }
  }
  const created = service.create(body);
  const reply: Reply = {
    status: 201,
    body: created.view,
    headers: { ETag: created.etag, Location: `${collectionPath}/${encodeURIComponent(created.view.id)}` },
    committed: true,
  };
  // Remembered before any await so a concurrent retry with the same key replays instead of creating.
  if (key !== undefined) idempotency.remember(call.clientId, collectionPath, key, reply);
  return reply;
}

/** GET, PUT (If-Match required) and DELETE (If-Match required) on one resource. */
export async function handleItem<V extends { id: string; name: string }>(
  call: ResourceCall,
  service: ResourceService<V>,
  id: string,
): Promise<Reply> {
  if (call.method === "GET") {
    const found = service.find(id);
    if (found === undefined) throw notFound(service.kind, id);
    return jsonReply(200, found.view, { ETag: found.etag });
  }
  if (call.method === "PUT") {
    const body = await readJsonBody(call.req);
    const replaced = service.replace(id, body, call.ifMatch);
    return { ...jsonReply(200, replaced.view, { ETag: replaced.etag }), committed: true };
  }
  service.remove(id, call.ifMatch);
  return { ...emptyReply(204), committed: true };
}

/**
 * One page of the collection. Each item carries its `etag` (the same quoted value GET's ETag header
 * has), as many APIs do, so a client can refresh every object from the list alone; `listETags`
 * false models a tenant whose list has none.
 */
function listPage<V extends { id: string; name: string }>(url: URL, service: ResourceService<V>, listETags: boolean): Reply {
  const errors: FieldError[] = [];
  const skip = integerParam(url, "skip", 0, errors);
  const top = integerParam(url, "top", MAX_PAGE_SIZE, errors);
  if (top !== undefined && (top < 1 || top > MAX_PAGE_SIZE)) {
    errors.push({ field: "top", message: `top must be between 1 and ${MAX_PAGE_SIZE}`, errorCode: "out_of_range" });
  }
  if (errors.length > 0 || skip === undefined || top === undefined) {
    throw new ApiError(400, "invalid_query", "invalid paging parameters", { errors });
  }
  const name = url.searchParams.get("name");
  const matching = service.list().filter((item) => name === null || item.view.name === name);
  return jsonReply(200, {
    items: matching.slice(skip, skip + top).map((item) => (listETags ? { ...item.view, etag: item.etag } : item.view)),
    total: matching.length,
    skip,
    top,
  });
}

function integerParam(url: URL, name: string, fallback: number, errors: FieldError[]): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    errors.push({ field: name, message: `${name} must be a non-negative integer`, errorCode: "invalid_type" });
    return undefined;
  }
  return Number(raw);
}
