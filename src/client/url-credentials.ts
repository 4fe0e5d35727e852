/**
 * Credentials people put in URLs: the userinfo (`https://user:pass@host`) and the values of query
 * parameters whose names say they are secrets (`?token=`, `?sig=`...). CI logs are read by many, so
 * such parts never appear in what this package prints, and a URL that carries them is held as a
 * secret. Kept in one place so that every process (provider, program, CLI) hides the same parts.
 */
const SECRET_QUERY_KEY =
  /^(token|access_token|id_token|key|api[_-]?key|secret|client_secret|sig|signature|password|pass|pwd|auth|code|credential)s?$/i;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]+/gi;
export const HIDDEN = "REDACTED";

/** The credential parts of one URL (empty when it has none, or is no URL). */
export function urlCredentials(url: string): string[] {
  // Most strings are no URL with credentials: skip the parse (it runs for every output field).
  if (!url.includes("://") || !(url.includes("@") || url.includes("?"))) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const parts = [parsed.username, parsed.password].filter((p) => p !== "");
  for (const [key, value] of parsed.searchParams) if (SECRET_QUERY_KEY.test(key) && value !== "") parts.push(value);
  return parts;
}

/** Whether `value` is a URL that carries credentials. */
export function carriesCredentials(value: unknown): boolean {
  return typeof value === "string" && urlCredentials(value).length > 0;
}

/** `text` with the credentials of every URL in it hidden. */
export function hideUrlCredentials(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return url;
    }
    if (parsed.username === "" && parsed.password === "" && ![...parsed.searchParams.keys()].some((k) => SECRET_QUERY_KEY.test(k)))
      return url;
    if (parsed.username !== "") parsed.username = HIDDEN;
    if (parsed.password !== "") parsed.password = HIDDEN;
    for (const key of [...parsed.searchParams.keys()]) if (SECRET_QUERY_KEY.test(key)) parsed.searchParams.set(key, HIDDEN);
    return parsed.toString();
  });
}
