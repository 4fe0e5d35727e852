import type { Reply } from "./http/reply";

/**
 * Broken successful replies the simulator can send instead of the real one (fault `malformedShape`),
 * so that a client can be tested against each through real HTTP:
 * - html-200: a login-portal HTML page with 200
 * - html-502: a gateway's HTML error page with 502 (after the request was handled: a write is applied)
 * - truncated-json: the JSON body cut in half
 * - empty-body: the status with no body at all
 * - empty-object: `{}`
 * - no-etag: the real body without its ETag header
 * - unknown-field: the real body plus fields the contract does not know (a client must ignore them)
 * - priority-string: `priority` as a string ("10"), in the object or the first list item
 * - targets-null: `targets: null`, likewise
 * - missing-id: no `id`, likewise
 */
export const MALFORMED_SHAPES = [
  "html-200",
  "html-502",
  "truncated-json",
  "empty-body",
  "empty-object",
  "no-etag",
  "unknown-field",
  "priority-string",
  "targets-null",
  "missing-id",
] as const;

/** One of the malformed replies the simulator can be told to send (a fault). */
export type MalformedShape = (typeof MALFORMED_SHAPES)[number];

const LOGIN_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to continue</form></body></html>";
const GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

export function malformReply(reply: Reply, shape: MalformedShape): Reply {
  const json = JSON.stringify(reply.body ?? null);
  const withoutETag = Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([name]) => name.toLowerCase() !== "etag"));
  switch (shape) {
    case "html-200":
      return { ...reply, status: 200, body: undefined, raw: { text: LOGIN_PAGE, contentType: "text/html; charset=utf-8" } };
    case "html-502":
      return { status: 502, headers: {}, raw: { text: GATEWAY_PAGE, contentType: "text/html; charset=utf-8" } };
    case "truncated-json":
      return {
        ...reply,
        body: undefined,
        raw: { text: json.slice(0, Math.max(1, Math.floor(json.length / 2))), contentType: "application/json" },
      };
    case "empty-body":
      return { ...reply, body: undefined, raw: { text: "", contentType: "application/json" } };
    case "empty-object":
      return { ...reply, body: {} };
    case "no-etag":
      return { ...reply, headers: withoutETag };
    default: {
      const body = JSON.parse(json) as unknown;
      const target = objectToBreak(body);
      if (target) breakObject(target, shape);
      if (shape === "unknown-field" && isRecord(body)) body.apiRevision = "2099-01";
      return { ...reply, body };
    }
  }
}

function objectToBreak(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  if (Array.isArray(body.items)) return isRecord(body.items[0]) ? body.items[0] : undefined;
  return body;
}

function breakObject(target: Record<string, unknown>, shape: MalformedShape): void {
  switch (shape) {
    case "unknown-field":
      target.futureField = { nested: [1, 2, 3] };
      target.routingHints = "ignored";
      return;
    case "priority-string":
      target.priority = String(target.priority ?? 10);
      return;
    case "targets-null":
      target.targets = null;
      return;
    case "missing-id":
      delete target.id;
      return;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
