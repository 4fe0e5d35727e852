import type { ResolvedOptions } from "../options";
import { CXONE_DISCOVERY_PATH, OPENID_DISCOVERY_PATH } from "./discovery";

export type ApiRoute =
  | { kind: "token"; template: string; methods: string[] }
  | { kind: "cxone-discovery" | "openid-discovery"; template: string; methods: string[] }
  | { kind: "collection"; resource: "rules" | "webhooks"; template: string; methods: string[]; path: string }
  | { kind: "item"; resource: "rules" | "webhooks"; template: string; methods: string[]; id: string };

/** Maps a request path to its route; the template is what the request log and counters use. */
export function matchRoute(pathname: string, options: ResolvedOptions): ApiRoute | undefined {
  if (pathname === options.tokenPath) return { kind: "token", template: pathname, methods: ["POST"] };
  if (pathname === CXONE_DISCOVERY_PATH) return { kind: "cxone-discovery", template: pathname, methods: ["GET"] };
  if (pathname === OPENID_DISCOVERY_PATH) return { kind: "openid-discovery", template: pathname, methods: ["GET"] };
  const collections: Array<["rules" | "webhooks", string]> = [
    ["rules", options.rulesPath],
    ["webhooks", options.webhooksPath],
  ];
  for (const [resource, base] of collections) {
    if (pathname === base || pathname === `${base}/`) {
      return { kind: "collection", resource, template: base, methods: ["GET", "POST"], path: base };
    }
    if (pathname.startsWith(`${base}/`)) {
      const rest = pathname.slice(base.length + 1);
      if (rest !== "" && !rest.includes("/")) {
        return { kind: "item", resource, template: `${base}/{id}`, methods: ["GET", "PUT", "DELETE"], id: safeDecode(rest) };
      }
    }
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
