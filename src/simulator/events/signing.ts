import { createHmac } from "node:crypto";

/** Hex HMAC-SHA256 over `${timestamp}.${body}`; binding the timestamp makes replays detectable. */
export function signEvent(secret: string, timestampSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${signEvent(secret, timestampSeconds, body)}`;
}
