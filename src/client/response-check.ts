import type { z } from "zod";
import { describeRequest } from "./errors/cxone-api-error";
import { UnusableResponseError, type UnusableIssue, type UnusableProblem } from "./errors/unusable-response-error";
import type { HttpMethod } from "./retry/retry-policy";

/** What a successful reply must look like; set by the resource APIs, optional on raw requests. */
export interface ResponseExpectation {
  /** Zod schema of the body (wire-schemas.ts); structurally typed so that no public .d.ts names zod. */
  readonly schema?: { safeParse(value: unknown): unknown };
  /** The reply must carry an ETag header (GET/POST/PUT of one object: later writes need it for If-Match). */
  readonly etag?: boolean;
  /** For the error: the object's name (POST) or id (PUT/GET), so the resource layer can read it back. */
  readonly objectName?: string;
  readonly objectId?: string;
}

export interface CheckedReply {
  readonly method: HttpMethod;
  readonly path: string;
  readonly status: number;
  readonly correlationId: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly expect: ResponseExpectation | undefined;
  readonly redact: (text: string) => string;
}

const MAX_LISTED_ISSUES = 5;

/**
 * Returns the parsed body of a 2xx reply, or throws one UnusableResponseError naming the request,
 * what was wrong (field paths, expected vs received *type*, never values: a reply may echo a
 * secret) and the fix. A POST/PUT reply that is unusable is marked writeMayHaveApplied.
 */
export function checkSuccessReply(reply: CheckedReply): unknown {
  const { method, status, text, expect } = reply;
  const request = describeRequest({ method, path: reply.path, correlationId: reply.correlationId });
  const isWrite = method === "POST" || method === "PUT";
  const wroteMaybe = isWrite
    ? ` The ${method === "POST" ? "create" : "update"} may have been applied: do not assume either way; read the object back` +
      `${expect?.objectId ? ` (id ${expect.objectId})` : expect?.objectName ? ` (name "${expect.objectName}")` : ""} before writing again (under Pulumi: "pulumi refresh").`
    : "";
  const fail = (problem: UnusableProblem, what: string, fix: string, issues: readonly UnusableIssue[] = []): never => {
    throw new UnusableResponseError(reply.redact(`${request} answered ${status}, but ${what}.${wroteMaybe} Fix: ${fix}`), {
      method,
      path: reply.path,
      status,
      correlationId: reply.correlationId,
      problem,
      issues,
      writeMayHaveApplied: isWrite,
      objectName: expect?.objectName,
      objectId: expect?.objectId,
    });
  };

  let body: unknown;
  if (text.trim() === "") {
    body = undefined;
  } else {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      const contentType = reply.headers["content-type"] ?? "none";
      if (/^\s*</.test(text)) {
        fail(
          "not-json",
          `the body is an HTML page (content-type ${contentType}), not the API's JSON`,
          `check that baseUrl points at the CXone API and not at a web page, login portal or proxy.`,
          [{ path: "", expected: "JSON", got: "HTML" }],
        );
      }
      fail(
        "not-json",
        `the body is not valid JSON (${text.length} bytes, content-type ${contentType}; cut off in transit?)`,
        `run again; if it persists, check for a proxy that truncates or rewrites responses, and report the CorrelationId.`,
        [{ path: "", expected: "JSON", got: "unparsable text" }],
      );
    }
  }

  if (expect?.schema) {
    if (body === undefined) {
      fail(
        "empty-body",
        "the body is empty where an object was expected",
        `run again; if it persists, report the CorrelationId to NICE support.`,
        [{ path: "", expected: "object", got: "empty body" }],
      );
    }
    const result = (expect.schema as z.ZodType).safeParse(body);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => toIssue(issue, body));
      const listed = issues
        .slice(0, MAX_LISTED_ISSUES)
        .map((i) => `${i.path || "(body)"}: expected ${i.expected}, got ${i.got}`)
        .join("; ");
      const more = issues.length > MAX_LISTED_ISSUES ? ` and ${issues.length - MAX_LISTED_ISSUES} more` : "";
      fail(
        "wrong-shape",
        `the body does not have the shape of the CXone API (${listed}${more})`,
        `check that baseUrl, rulesPath and webhooksPath point at the CXone API version this provider supports; if they do, report the CorrelationId.`,
        issues,
      );
    }
  }

  if (expect?.etag && !reply.headers.etag) {
    fail(
      "missing-etag",
      "the reply has no ETag header, which the next update or delete needs for If-Match",
      `if a proxy or API gateway sits in front of CXone, let it pass the ETag header through; otherwise report the CorrelationId.`,
      [{ path: "header ETag", expected: "an entity tag", got: "missing" }],
    );
  }
  return body;
}

function toIssue(issue: z.core.$ZodIssue, body: unknown): UnusableIssue {
  const path = formatPath(issue.path);
  const got = typeAt(body, issue.path);
  switch (issue.code) {
    case "invalid_type":
      return { path, expected: issue.expected, got };
    case "too_small":
      return {
        path,
        expected: issue.origin === "string" ? "a non-empty string" : `${issue.origin} >= ${String(issue.minimum)}`,
        got: got === "string" ? "an empty string" : got,
      };
    case "invalid_value":
      return { path, expected: issue.values.map((v) => JSON.stringify(v)).join(" or "), got: got === "string" ? "another string" : got };
    default:
      return { path, expected: issue.code.replace(/_/g, " "), got };
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? String(key) : `.${String(key)}`;
  return out;
}

/** The JSON type found at `path` ("missing" when absent): never the value itself. */
function typeAt(body: unknown, path: readonly PropertyKey[]): string {
  let current: unknown = body;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !(key in (current as object))) return "missing";
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === null) return "null";
  if (Array.isArray(current)) return "array";
  return typeof current;
}
