/**
 * True when an Accept header admits application/json. A missing header admits anything;
 * a media range with q=0 explicitly refuses.
 */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const [mediaRange = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const quality = params.find((p) => p.startsWith("q="));
    if (quality !== undefined && Number(quality.slice(2)) === 0) return false;
    return mediaRange === "application/json" || mediaRange === "application/*" || mediaRange === "*/*";
  });
}
