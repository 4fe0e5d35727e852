import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, WEBHOOKS_PATH, call, fetchToken, start, validWebhook } from "./helpers";
import { startReceiver } from "./receiver";
import { rule } from "../helpers/rules";

let sim: RunningSimulator | undefined;
let closeReceiver: (() => Promise<void>) | undefined;
afterEach(async () => {
  await sim?.close();
  await closeReceiver?.();
});

function verify(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const expected = createHmac("sha256", secret)
    .update(`${String(headers["x-cxone-timestamp"])}.${body}`)
    .digest("hex");
  return headers["x-cxone-signature"] === `sha256=${expected}`;
}

describe("event delivery", () => {
  it("POSTs a signed routing.rule.created event to a subscribed webhook", async () => {
    const receiver = await startReceiver([200]);
    closeReceiver = receiver.close;
    sim = await start();
    const token = await fetchToken(sim.url);
    const hook = await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(receiver.url, { secret: "hook-secret" }) });
    const created = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    await sim.admin.flushDeliveries();

    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expect(verify("hook-secret", event!.headers, event!.body)).toBe(true);
    expect(verify("other-secret", event!.headers, event!.body)).toBe(false);
    const payload = JSON.parse(event!.body);
    expect(payload).toMatchObject({ type: "routing.rule.created", data: { rule: created.body } });
    expect(event!.headers["x-cxone-event"]).toBe("routing.rule.created");
    expect(event!.headers["x-cxone-delivery"]).toBe(payload.id);
    expect(Number(event!.headers["x-cxone-timestamp"])).toBeGreaterThan(1_600_000_000);

    const [delivery] = sim.admin.deliveries();
    expect(delivery).toMatchObject({
      deliveryId: payload.id,
      webhookId: hook.body.id,
      eventType: "routing.rule.created",
      delivered: true,
      pending: false,
    });
    expect(delivery!.attempts).toEqual([expect.objectContaining({ attempt: 1, status: 200, error: null })]);
    const overHttp = (await (await fetch(`${sim.url}/_admin/deliveries`)).json()) as { deliveries: unknown[] };
    expect(overHttp.deliveries).toEqual(sim.admin.deliveries());
  });

  it("retries with backoff after receiver failures and records every attempt", async () => {
    const receiver = await startReceiver([500, 503, 200]);
    closeReceiver = receiver.close;
    sim = await start({ delivery: { attempts: 5, baseDelayMs: 5 } });
    const token = await fetchToken(sim.url);
    await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook(receiver.url, { secret: "k" }) });
    await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    expect((await fetch(`${sim.url}/_admin/deliveries/flush`, { method: "POST" })).status).toBe(204);

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["x-cxone-delivery"])).size).toBe(1);
    for (const attempt of receiver.received) expect(verify("k", attempt.headers, attempt.body)).toBe(true);
    const [delivery] = sim.admin.deliveries();
    expect(delivery!.delivered).toBe(true);
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
  });

  it("gives up after the configured attempts, recording connection errors", async () => {
    sim = await start({ delivery: { attempts: 3, baseDelayMs: 1 } });
    const token = await fetchToken(sim.url);
    await call(sim.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook("http://127.0.0.1:9/closed-port") });
    await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    await sim.admin.flushDeliveries();
    const [delivery] = sim.admin.deliveries();
    expect(delivery!.delivered).toBe(false);
    expect(delivery!.attempts).toHaveLength(3);
    expect(delivery!.attempts.every((a) => a.status === null && typeof a.error === "string")).toBe(true);
  });

  it("honours the event filter and the enabled flag", async () => {
    const receiver = await startReceiver([200]);
    closeReceiver = receiver.close;
    sim = await start();
    const token = await fetchToken(sim.url);
    await sim.admin.seed({
      webhooks: [
        { name: "deletes only", enabled: true, targetURL: receiver.url, eventFilter: "routing.rule.deleted" },
        { name: "disabled", enabled: false, targetURL: receiver.url, eventFilter: "routing.rule.created routing.rule.deleted" },
      ],
    });
    const created = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    await call(sim.url, "DELETE", `${RULES_PATH}/${created.body.id}`, {
      token,
      headers: { "If-Match": created.headers.get("etag") ?? "" },
    });
    await sim.admin.flushDeliveries();
    expect(receiver.received.map((r) => r.headers["x-cxone-event"])).toEqual(["routing.rule.deleted"]);
    expect(JSON.parse(receiver.received[0]!.body).data.rule.id).toBe(created.body.id);
    expect(receiver.received[0]!.headers["x-cxone-signature"]).toBeUndefined();
  });

  it("fires routing.rule.updated for PUT and for an admin out-of-band edit", async () => {
    const receiver = await startReceiver([200]);
    closeReceiver = receiver.close;
    sim = await start();
    const token = await fetchToken(sim.url);
    await sim.admin.seed({
      webhooks: [{ name: "updates", enabled: true, targetURL: receiver.url, eventFilter: "routing.rule.updated", secret: "u" }],
    });
    const created = await call(sim.url, "POST", RULES_PATH, { token, body: rule() });
    await call(sim.url, "PUT", `${RULES_PATH}/${created.body.id}`, {
      token,
      body: rule({ priority: 3 }),
      headers: { "If-Match": created.headers.get("etag") ?? "" },
    });
    await sim.admin.editRule(created.body.id, { enabled: false });
    await sim.admin.flushDeliveries();
    const rules = receiver.received.map((r) => JSON.parse(r.body).data.rule);
    expect(rules.map((rule) => [rule.version, rule.priority, rule.enabled])).toEqual(
      expect.arrayContaining([
        [2, 3, true],
        [3, 3, false],
      ]),
    );
    expect(receiver.received).toHaveLength(2);
  });
});
