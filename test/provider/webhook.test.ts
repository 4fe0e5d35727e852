import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routingRuleProvider, webhookProvider } from "../../src/provider/runtime";
import { signEvent } from "../../src/simulator/index";
import { WEBHOOK_SECRET, WEBHOOK_URN, secret, startHarness, webhookInputs, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

function withoutSecret(outs: Record<string, unknown> | undefined): Record<string, unknown> {
  const { secret: _secret, ...rest } = outs ?? {};
  return rest;
}

describe("webhook: the write-only secret", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("outputs keep the input's secret and nothing else carries it", async () => {
    const { outs } = await webhookProvider.create(webhookInputs());
    expect(outs.secret).toBe(WEBHOOK_SECRET);
    expect(outs.hasSecret).toBe(true);
    expect(JSON.stringify(withoutSecret(outs))).not.toContain(WEBHOOK_SECRET);
    expect(JSON.stringify(harness.sim.admin.state())).not.toContain(WEBHOOK_SECRET);
  });

  it("a secret-wrapped input comes back as the same wrapper", async () => {
    const wrapped = secret(WEBHOOK_SECRET);
    const { outs } = await webhookProvider.create(webhookInputs("sync", { secret: wrapped }));
    expect(outs.secret).toEqual(wrapped);
    expect(outs.hasSecret).toBe(true);
  });

  it("without a secret, hasSecret is false and outputs have no secret", async () => {
    const { secret: _secret, ...inputs } = webhookInputs();
    const { outs } = await webhookProvider.create(inputs);
    expect(outs.hasSecret).toBe(false);
    expect("secret" in outs).toBe(false);
  });

  it("read keeps the secret from the state, since the server never returns it", async () => {
    const { id, outs } = await webhookProvider.create(webhookInputs());
    const result = await webhookProvider.read!(id, outs);
    expect(result.props?.secret).toBe(WEBHOOK_SECRET);
    expect(result.props?.hasSecret).toBe(true);
  });

  it("update sends the new secret and outputs it", async () => {
    const { id, outs } = await webhookProvider.create(webhookInputs());
    const rotated = "another-signing-secret-0123456789";
    const result = await webhookProvider.update!(id, outs, webhookInputs("sync", { secret: rotated }));
    expect(result.outs?.secret).toBe(rotated);
    expect(result.outs?.hasSecret).toBe(true);
    expect(JSON.stringify(withoutSecret(result.outs))).not.toContain(rotated);
  });
});

describe("webhook: the secret reaches the server", () => {
  let harness: Harness;
  let receiver: Server;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeEach(async () => {
    harness = await startHarness();
    received.length = 0;
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  });
  afterEach(async () => {
    await harness.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("deliveries are signed with the secret given to create", async () => {
    const { port } = receiver.address() as AddressInfo;
    await webhookProvider.create(webhookInputs("sync", { targetURL: `http://127.0.0.1:${port}/hook`, secret: secret(WEBHOOK_SECRET) }));
    await routingRuleProvider.create(engineInputs(rule()));
    await harness.sim.admin.flushDeliveries();

    expect(received).toHaveLength(1);
    const [delivery] = received;
    const timestamp = Number(delivery!.headers["x-cxone-timestamp"]);
    expect(delivery!.headers["x-cxone-signature"]).toBe(`sha256=${signEvent(WEBHOOK_SECRET, timestamp, delivery!.body)}`);
  });
});

describe("webhook: eventFilter is a list in Pulumi and a space-separated string on the wire", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("create sends the list as one string and outputs a sorted list", async () => {
    const { outs } = await webhookProvider.create(webhookInputs("sync", { eventFilter: ["routing.rule.updated", "routing.rule.created"] }));
    const [stored] = harness.sim.admin.state().webhooks;
    expect(stored?.eventFilter.split(" ").sort()).toEqual(["routing.rule.created", "routing.rule.updated"]);
    expect(outs.eventFilter).toEqual(["routing.rule.created", "routing.rule.updated"]);
  });

  it("read turns the server's string into a sorted, deduplicated list", async () => {
    await harness.sim.admin.seed({
      webhooks: [
        {
          id: "hook-1",
          name: "console-hook",
          enabled: true,
          targetURL: "https://hooks.example.com/console",
          eventFilter: "routing.rule.updated  routing.rule.deleted routing.rule.updated",
        },
      ],
    });
    const result = await webhookProvider.read!("hook-1", { __urn: WEBHOOK_URN });
    expect(result.props).toMatchObject({
      __urn: WEBHOOK_URN,
      name: "console-hook",
      eventFilter: ["routing.rule.deleted", "routing.rule.updated"],
      format: "json",
      hasSecret: false,
    });
  });

  it("a round trip through create, update and read keeps the list", async () => {
    const { id, outs } = await webhookProvider.create(webhookInputs("sync", { eventFilter: ["routing.rule.created"] }));
    const events = ["routing.rule.deleted", "routing.rule.created", "routing.rule.updated"];
    const updated = await webhookProvider.update!(id, outs, webhookInputs("sync", { eventFilter: events }));
    expect(harness.sim.admin.state().webhooks[0]?.eventFilter.split(" ").sort()).toEqual([...events].sort());
    const read = await webhookProvider.read!(id, updated.outs!);
    expect(read.props?.eventFilter).toEqual([...events].sort());
    expect(await webhookProvider.diff!(id, read.props!, webhookInputs("sync", { eventFilter: events }))).toMatchObject({ changes: false });
  });
});
