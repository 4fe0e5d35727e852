import { createHash } from "node:crypto";
import { ApiError } from "../http/api-error";

/** A quoted strong ETag `"<version>-<8 hex>"`, derived from id, version and served content. */
export function computeETag(id: string, version: number, content: unknown): string {
  const hash = createHash("sha256")
    .update(`${id}\n${version}\n${JSON.stringify(content)}`)
    .digest("hex");
  return `"${version}-${hash.slice(0, 8)}"`;
}

/**
 * Optimistic concurrency: a write must name the representation it was based on.
 * Weak validators never match (RFC 9110 uses strong comparison for If-Match).
 */
export function assertIfMatch(ifMatch: string | undefined, currentETag: string): void {
  if (ifMatch === undefined || ifMatch.trim() === "") {
    throw new ApiError(428, "precondition_required", "this request requires an If-Match header carrying the current ETag");
  }
  const candidates = ifMatch.split(",").map((tag) => tag.trim());
  if (candidates.includes("*") || candidates.includes(currentETag)) return;
  throw new ApiError(412, "etag_mismatch", "If-Match does not match the current ETag; the resource was changed by someone else", {
    headers: { ETag: currentETag },
    extraBody: { currentETag },
  });
}
