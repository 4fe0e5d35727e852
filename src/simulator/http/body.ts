import type { IncomingMessage } from "node:http";
import { ApiError } from "./api-error";

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(413, "payload_too_large", `request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    throw new ApiError(400, "invalid_body", "request body must be a JSON object");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "invalid_json", "request body is not valid JSON");
  }
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return parseJsonBody(await readBodyText(req));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
