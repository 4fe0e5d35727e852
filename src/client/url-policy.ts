import { ConfigurationError } from "./errors/configuration-error";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses a configured URL and enforces HTTPS: a bearer token or client secret sent over plain http
 * to a remote host can be read by anyone on the path. Plain http stays allowed for loopback so the
 * local simulator works.
 */
export function requireSecureUrl(setting: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `${setting} "${value}" is not an absolute URL. Fix: give a full URL such as "https://api-na1.niceincontact.com".`,
      { problem: "InvalidUrl", setting },
    );
  }
  const shown = withoutCredentials(url);
  if (url.username || url.password) {
    throw new ConfigurationError(
      `${setting} "${shown}" must not carry user:password; credentials go in clientId/clientSecret. Fix: remove them from the URL.`,
      { problem: "InvalidUrl", setting },
    );
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === "http:") {
    const fixed = new URL(shown);
    fixed.protocol = "https:";
    throw new ConfigurationError(
      `${setting} "${shown}" uses plain http to the non-loopback host "${url.hostname}"; tokens and secrets would travel unencrypted. ` +
        `Fix: use "${trimSlash(fixed.toString())}" (plain http is allowed only for 127.0.0.1, ::1 and localhost).`,
      { problem: "InsecureUrl", setting },
    );
  }
  throw new ConfigurationError(`${setting} "${shown}" must use https. Fix: use an https:// URL.`, { problem: "InsecureUrl", setting });
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = "";
  copy.password = "";
  return trimSlash(copy.toString());
}

export function trimSlash(value: string): string {
  return value.replace(/\/+$/, "");
}
