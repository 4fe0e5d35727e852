import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

export interface ReceivedEvent {
  type: string;
  ruleName: string;
  deliveryId: string;
  verified: boolean;
}

/** Stands in for the orchestration platform: receives routing events and verifies their HMAC signature. */
export async function startOrchestrationEndpoint(
  secret: string,
): Promise<{ url: string; events: ReceivedEvent[]; close(): Promise<void> }> {
  const events: ReceivedEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const expected = `sha256=${createHmac("sha256", secret).update(`${req.headers["x-cxone-timestamp"]}.${raw}`).digest("hex")}`;
      const got = String(req.headers["x-cxone-signature"] ?? "");
      const verified = got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
      let ruleName = "?";
      try {
        ruleName = (JSON.parse(raw) as { data?: { rule?: { name?: string } } }).data?.rule?.name ?? "?";
      } catch {
        // An unreadable body is still recorded, as unverified.
      }
      events.push({ type: String(req.headers["x-cxone-event"]), ruleName, deliveryId: String(req.headers["x-cxone-delivery"]), verified });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks/cxone`, events, close: () => new Promise((r) => server.close(() => r())) };
}
