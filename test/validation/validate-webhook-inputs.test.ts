import { describe, expect, it } from "vitest";
import { UNKNOWN_PLACEHOLDER, validateWebhookInputs } from "../../src/validation";
import { propertiesOf, validWebhookInputs } from "./fixtures";

function reasons(result: ReturnType<typeof validateWebhookInputs>): string[] {
  return result.ok ? [] : result.failures.map((failure) => `${failure.property}: ${failure.reason}`);
}

describe("validateWebhookInputs: a valid webhook", () => {
  it("passes and is normalized", () => {
    const result = validateWebhookInputs(validWebhookInputs({ enabled: undefined, format: undefined, __provider: "x" }));
    expect(result).toEqual({
      ok: true,
      value: {
        name: "RoutingRuleSync",
        enabled: true,
        targetURL: "https://orchestration.example.com/webhooks/cxone",
        eventFilter: ["routing.rule.created", "routing.rule.updated"],
        format: "json",
      },
    });
  });
});

describe("validateWebhookInputs: name", () => {
  it("is required, non-empty and bounded", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ name: undefined })))).toEqual(["name: is required"]);
    expect(reasons(validateWebhookInputs(validWebhookInputs({ name: " " })))).toEqual(["name: must not be empty"]);
    expect(propertiesOf(validateWebhookInputs(validWebhookInputs({ name: "n".repeat(129) })))).toEqual(["name"]);
  });
});

describe("validateWebhookInputs: targetURL", () => {
  it.each(["https://example.com/hook", "http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://localhost:3000/"])(
    "accepts %s",
    (targetURL) => {
      expect(validateWebhookInputs(validWebhookInputs({ targetURL })).ok).toBe(true);
    },
  );

  it("rejects plain http for other hosts", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ targetURL: "http://example.com/hook" })))).toEqual([
      'targetURL: must use https (plain http is only allowed for 127.0.0.1, ::1 and localhost), got http for host "example.com"',
    ]);
  });

  it("rejects other schemes and non-URLs", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ targetURL: "ftp://example.com/" })))).toEqual([
      'targetURL: must use https, got "ftp"',
    ]);
    expect(reasons(validateWebhookInputs(validWebhookInputs({ targetURL: "example.com/hook" })))).toEqual([
      "targetURL: must be an absolute URL such as https://example.com/hooks/cxone",
    ]);
  });

  it("can require https for loopback hosts too", () => {
    const result = validateWebhookInputs(validWebhookInputs({ targetURL: "http://127.0.0.1/" }), { allowLoopbackHttp: false });
    expect(propertiesOf(result)).toEqual(["targetURL"]);
  });

  it("rejects credentials in the URL without echoing them", () => {
    const result = validateWebhookInputs(validWebhookInputs({ targetURL: "https://admin:hunter2@example.com/hook?token=s3cr3t" }));
    expect(propertiesOf(result)).toEqual(["targetURL"]);
    const text = JSON.stringify(result);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("s3cr3t");
  });

  it("accepts Pulumi's unknown placeholder", () => {
    expect(validateWebhookInputs(validWebhookInputs({ targetURL: UNKNOWN_PLACEHOLDER })).ok).toBe(true);
  });
});

describe("validateWebhookInputs: eventFilter", () => {
  it("must not be empty", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ eventFilter: [] })))).toEqual([
      "eventFilter: must name at least one event (routing.rule.created, routing.rule.deleted or routing.rule.updated)",
    ]);
  });

  it("accepts only known events", () => {
    const result = validateWebhookInputs(validWebhookInputs({ eventFilter: ["routing.rule.created", "agent.login"] }));
    expect(propertiesOf(result)).toEqual(["eventFilter[1]"]);
  });

  it("names the nearest event for a typo", () => {
    const result = validateWebhookInputs(validWebhookInputs({ eventFilter: "routing.rule.created routing.rule.update" }));
    expect(reasons(result)).toEqual([
      'eventFilter[1]: must be one of routing.rule.created, routing.rule.deleted or routing.rule.updated, got "routing.rule.update"; did you mean "routing.rule.updated"?',
    ]);
  });

  it("rejects duplicates, also next to unknown events", () => {
    const result = validateWebhookInputs(validWebhookInputs({ eventFilter: ["routing.rule.created", "nope", "routing.rule.created"] }));
    expect(reasons(result)).toEqual([
      'eventFilter[1]: must be one of routing.rule.created, routing.rule.deleted or routing.rule.updated, got "nope"',
      "eventFilter[2]: duplicates eventFilter[0] (routing.rule.created); list each event once",
    ]);
  });

  it("is sorted in the normalized value", () => {
    const result = validateWebhookInputs(
      validWebhookInputs({ eventFilter: ["routing.rule.updated", "routing.rule.deleted", "routing.rule.created"] }),
    );
    expect(result.ok && result.value.eventFilter).toEqual(["routing.rule.created", "routing.rule.deleted", "routing.rule.updated"]);
  });

  it("must be a list (or a space-separated string, see validate-webhook-inputs.event-filter-string.test.ts)", () => {
    expect(propertiesOf(validateWebhookInputs(validWebhookInputs({ eventFilter: { "routing.rule.created": true } })))).toEqual([
      "eventFilter",
    ]);
  });
});

describe("validateWebhookInputs: format", () => {
  it("defaults to json and accepts nothing else", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ format: "xml" })))).toEqual(['format: must be one of json, got "xml"']);
  });
});

describe("validateWebhookInputs: secret", () => {
  it("is optional and kept in the value", () => {
    const secret = "0123456789abcdef";
    expect(validateWebhookInputs(validWebhookInputs({ secret }))).toMatchObject({ ok: true, value: { secret } });
  });

  it("must have at least 16 characters and is never echoed", () => {
    const result = validateWebhookInputs(validWebhookInputs({ secret: "tooShortSecret" }));
    expect(reasons(result)).toEqual(["secret: must be at least 16 characters long"]);
    expect(JSON.stringify(result)).not.toContain("tooShortSecret");
  });

  it("must be a string", () => {
    expect(reasons(validateWebhookInputs(validWebhookInputs({ secret: 1234567890123456 })))).toEqual(["secret: must be a string"]);
  });
});

describe("validateWebhookInputs: every failure at once", () => {
  it("reports all failures in one result", () => {
    const result = validateWebhookInputs({ name: "", targetURL: "http://example.com", eventFilter: [], format: "xml", secret: "x" });
    expect(propertiesOf(result)).toEqual(["name", "targetURL", "eventFilter", "format", "secret"]);
  });
});
