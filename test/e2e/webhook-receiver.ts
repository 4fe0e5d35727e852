import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

export interface ReceivedEvent {
  type: string;
  deliveryId: string;
  signatureValid: boolean;
  body: { type: string; data: { rule: { id: string; name: string } } };
}

/** A local webhook endpoint that verifies each event's HMAC-SHA256 signature over `timestamp.body`. */
export async function startWebhookReceiver(secret: string): Promise<{ url: string; events: ReceivedEvent[]; close(): Promise<void> }> {
  const events: ReceivedEvent[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const timestamp = String(req.headers["x-cxone-timestamp"] ?? "");
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`;
      const got = String(req.headers["x-cxone-signature"] ?? "");
      const signatureValid = got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
      events.push({
        type: String(req.headers["x-cxone-event"]),
        deliveryId: String(req.headers["x-cxone-delivery"]),
        signatureValid,
        body: JSON.parse(raw),
      });
      res.writeHead(signatureValid ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hooks/cxone`,
    events,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
