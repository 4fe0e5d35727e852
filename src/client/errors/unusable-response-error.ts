import { CxoneApiError, type CxoneErrorContext } from "./cxone-api-error";

/** What made a reply unusable. */
export type UnusableProblem =
  /** The body is not JSON (an HTML page from a proxy or login portal, or truncated JSON). */
  | "not-json"
  /** A 2xx with no body where an object was expected. */
  | "empty-body"
  /** JSON, but fields missing or of the wrong type (see `issues`). */
  | "wrong-shape"
  /** GET/POST/PUT answered without the ETag header that later If-Match writes need. */
  | "missing-etag"
  /** A Retry-After header that is neither whole seconds nor an HTTP date. */
  | "invalid-retry-after";

/** One problem in a reply body: where, what was expected, what type arrived (never the value). */
export interface UnusableIssue {
  /** JSON path, e.g. "items[3].priority"; "" for the body itself. */
  readonly path: string;
  readonly expected: string;
  /** A type description ("string", "null", "missing"), never the received value: it may be a secret. */
  readonly got: string;
}

export interface UnusableResponseContext extends CxoneErrorContext {
  readonly problem: UnusableProblem;
  readonly issues?: readonly UnusableIssue[];
  readonly writeMayHaveApplied: boolean;
  readonly objectName?: string;
  readonly objectId?: string;
}

/**
 * The server answered, but the reply cannot be used: not JSON, empty, fields missing or of the
 * wrong type, no ETag, or a nonsensical Retry-After. The client never returns such a body, so no
 * caller can store a wrong state from it.
 *
 * Contract for the resource layer (reconciliation):
 * - `writeMayHaveApplied === false`: nothing changed on the server because of this request (a GET,
 *   or a write the server refused before processing); fail the operation, state stays as it was.
 * - `writeMayHaveApplied === true`: a POST or PUT got a success status (or a 5xx) with an unusable
 *   reply; the write may well have been applied. Do not assume either outcome: read the object
 *   back (PUT: GET `objectId`; POST: look it up by `objectName`, e.g. ResourcesApi.findByName),
 *   compare it with what was sent (body-match.ts, storedMatchesSent) and record the object and ETag
 *   from that read. Only if the read also fails, fail the operation and tell the user to run
 *   `pulumi refresh`. `objectName`/`objectId` are set when the request knew them.
 */
export class UnusableResponseError extends CxoneApiError {
  readonly code = "unusable_response";
  readonly problem: UnusableProblem;
  readonly issues: readonly UnusableIssue[];
  readonly writeMayHaveApplied: boolean;
  readonly objectName: string | undefined;
  readonly objectId: string | undefined;

  constructor(message: string, context: UnusableResponseContext) {
    super(message, context);
    this.problem = context.problem;
    this.issues = context.issues ?? [];
    this.writeMayHaveApplied = context.writeMayHaveApplied;
    this.objectName = context.objectName;
    this.objectId = context.objectId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      problem: this.problem,
      issues: this.issues,
      writeMayHaveApplied: this.writeMayHaveApplied,
      objectName: this.objectName,
      objectId: this.objectId,
    };
  }
}
