import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateWebhookInputs } from "../../src/validation";
import { validWebhookArb } from "./arbitraries";
import { propertiesOf } from "./fixtures";

type WebhookRecord = Record<string, unknown> & { eventFilter: string[] };
type Mutation = (webhook: WebhookRecord, pick: number) => { webhook: WebhookRecord; property: string };

const mutations: Record<string, Mutation> = {
  "non-https URL": (webhook, pick) => ({
    webhook: { ...webhook, targetURL: ["http://example.com/hook", "ftp://example.com/", "ws://10.0.0.1/"][pick % 3] },
    property: "targetURL",
  }),
  "not a URL": (webhook) => ({ webhook: { ...webhook, targetURL: "example.com/hook" }, property: "targetURL" }),
  "empty eventFilter": (webhook) => ({ webhook: { ...webhook, eventFilter: [] }, property: "eventFilter" }),
  "unknown event": (webhook, pick) => {
    const eventFilter = [...webhook.eventFilter];
    const i = pick % (eventFilter.length + 1);
    eventFilter.splice(i, 0, "agent.login");
    return { webhook: { ...webhook, eventFilter }, property: `eventFilter[${i}]` };
  },
  "duplicate event": (webhook, pick) => {
    const eventFilter = [...webhook.eventFilter, webhook.eventFilter[pick % webhook.eventFilter.length]!];
    return { webhook: { ...webhook, eventFilter }, property: `eventFilter[${eventFilter.length - 1}]` };
  },
  "unsupported format": (webhook) => ({ webhook: { ...webhook, format: "xml" }, property: "format" }),
  "short secret": (webhook, pick) => ({ webhook: { ...webhook, secret: "s".repeat(pick % 16) }, property: "secret" }),
  "empty name": (webhook) => ({ webhook: { ...webhook, name: "" }, property: "name" }),
};

describe("property: valid webhooks pass", () => {
  it("accepts every generated valid webhook and normalizes it idempotently", () => {
    fc.assert(
      fc.property(validWebhookArb, (webhook) => {
        const result = validateWebhookInputs(webhook);
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expect(validateWebhookInputs(result.value)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe("property: one targeted mutation fails with the right field path", () => {
  for (const [name, mutate] of Object.entries(mutations)) {
    it(name, () => {
      fc.assert(
        fc.property(validWebhookArb, fc.nat(), (webhook, pick) => {
          const mutated = mutate(webhook as WebhookRecord, pick);
          expect(propertiesOf(validateWebhookInputs(mutated.webhook))).toEqual([mutated.property]);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("property: arbitrary input never throws", () => {
  it("judges any value without throwing", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = validateWebhookInputs(raw);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 500 },
    );
  });

  it("never echoes a secret", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 15 }).filter((s) => /^[a-z]+$/.test(s)),
        (secret) => {
          const result = validateWebhookInputs({ name: "w", targetURL: "https://x.example", eventFilter: ["nope"], secret: `Z${secret}` });
          expect(JSON.stringify(result)).not.toContain(`Z${secret}`);
        },
      ),
    );
  });
});
