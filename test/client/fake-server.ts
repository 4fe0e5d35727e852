import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface FakeServer {
  url: string;
  close(): Promise<void>;
}

/** A bare local HTTP server for behaviours the simulator cannot be made to show (e.g. a server that echoes secrets). */
export async function startFakeServer(
  handler: (request: IncomingMessage & { bodyText: string }, response: ServerResponse) => void,
): Promise<FakeServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handler(Object.assign(req, { bodyText: Buffer.concat(chunks).toString("utf8") }), res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
