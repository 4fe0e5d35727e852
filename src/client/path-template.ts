/**
 * Turns "/api/v2/webhooks/7f3c...?name=x" into "/api/v2/webhooks/{id}" so audit logs and
 * benchmarks can group requests. Segments right after a known collection path are ids; elsewhere
 * a segment counts as an id when it looks like one (UUID, number, long token with digits).
 */
export function toPathTemplate(path: string, collectionPaths: readonly string[] = []): string {
  const [pathname = ""] = path.split("?", 1);
  for (const collection of collectionPaths) {
    if (pathname.startsWith(`${collection}/`)) {
      const rest = pathname.slice(collection.length + 1).split("/");
      return [collection, "{id}", ...rest.slice(1).map(templateSegment)].join("/");
    }
  }
  return pathname.split("/").map(templateSegment).join("/");
}

function templateSegment(segment: string): string {
  if (segment === "") return segment;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return "{id}";
  if (/^\d+$/.test(segment)) return "{id}";
  if (segment.length >= 16 && /\d/.test(segment) && /^[A-Za-z0-9_-]+$/.test(segment)) return "{id}";
  return segment;
}
