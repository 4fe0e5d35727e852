import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, ServerError, UnusableResponseError, type CxoneClient } from "../../src/client/index";
import type { MalformedShape, RunningSimulator } from "../../src/simulator/index";
import { rule, seedRule } from "../helpers/rules";
import { clientConfig, startSim } from "./helpers";

const RULES = "/api/v2/routing/interactionroutingrules";
/** The one rule each case starts with (a fixed id, so that the table can name it). */
const SEEDED = { id: "seeded-rule-id", name: "seeded-rule", priority: 5 };
/** The name a `create` request gives its rule. */
const CREATED = "created-rule";
/** The priority a `replace` request writes. */
const REPLACED_PRIORITY = 6;

type Request = "get" | "list" | "create" | "replace";

interface Case {
  name: string;
  shape: MalformedShape;
  /** Only the next successful reply is broken; otherwise every one is. */
  once?: boolean;
  request: Request;
  /** The request fails with this error class, whose fields match `with`... */
  fails?: { as: typeof UnusableResponseError | typeof ServerError; with: Record<string, unknown> };
  /** ...and whose message says all of `says` and none of `saysNot`. */
  says?: (string | RegExp)[];
  saysNot?: string[];
  /** Or the request succeeds with a reply that matches this. */
  replies?: Record<string, unknown>;
  /** Exactly one rule in the simulator's state matches this afterwards (the write landed, once). */
  stored?: Record<string, unknown>;
}

const ID_FIELD_MISSING = { path: "id", expected: "string", got: "missing" };
const WRONG_TYPES = [
  { shape: "priority-string", issue: { path: "priority", expected: "number", got: "string" } },
  { shape: "targets-null", issue: { path: "targets", expected: "array", got: "null" } },
  { shape: "missing-id", issue: ID_FIELD_MISSING },
] as const;

// One row per case; what each row asserts is what the per-shape test files asserted before.
const CASES: Case[] = [
  {
    name: "empty-body, POST: the create may have applied",
    shape: "empty-body",
    once: true,
    request: "create",
    fails: {
      as: UnusableResponseError,
      with: { problem: "empty-body", status: 201, writeMayHaveApplied: true, objectName: CREATED },
    },
  },
  {
    name: "empty-body, GET list: unusable too",
    shape: "empty-body",
    request: "list",
    fails: { as: UnusableResponseError, with: { problem: "empty-body", writeMayHaveApplied: false } },
  },
  {
    name: "empty-object, GET: lists the missing fields",
    shape: "empty-object",
    request: "get",
    fails: { as: UnusableResponseError, with: { problem: "wrong-shape", issues: expect.arrayContaining([ID_FIELD_MISSING]) } },
    says: ["id: expected string, got missing", /and \d+ more/],
  },
  {
    name: "html-200 (login portal, proxy), GET: names the request and baseUrl; nothing may have been written",
    shape: "html-200",
    request: "get",
    fails: { as: UnusableResponseError, with: { problem: "not-json", writeMayHaveApplied: false } },
    says: [`GET ${RULES}/${SEEDED.id}`, "HTML page", "baseUrl"],
    saysNot: ["<form>"],
  },
  {
    name: "html-200, POST: the create happened, the error says so and names the object",
    shape: "html-200",
    once: true,
    request: "create",
    fails: { as: UnusableResponseError, with: { writeMayHaveApplied: true, objectName: CREATED } },
    says: ["may have been applied"],
    stored: { name: CREATED },
  },
  {
    name: "html-502 (gateway page), GET: retried, then one ServerError naming the request, not quoting the page",
    shape: "html-502",
    request: "get",
    fails: { as: ServerError, with: { status: 502, attempts: 3 } },
    says: [`GET ${RULES}/${SEEDED.id}`, "an HTML page"],
    saysNot: ["<html>"],
  },
  {
    name: "html-502, POST applied before the 502: the retry finds the object, no duplicate",
    shape: "html-502",
    once: true,
    request: "create",
    replies: { body: { name: CREATED }, etag: expect.stringMatching(/./) },
    stored: { name: CREATED },
  },
  ...(["get", "create", "replace"] as const).map(
    (request): Case => ({
      name: `no-etag, ${request}: missing-etag; ${request === "get" ? "a read wrote nothing" : "the write may have applied"}`,
      shape: "no-etag",
      request,
      fails: { as: UnusableResponseError, with: { problem: "missing-etag", writeMayHaveApplied: request !== "get" } },
      says: ["If-Match"],
    }),
  ),
  {
    name: "no-etag, GET list: a list needs no ETag header",
    shape: "no-etag",
    request: "list",
    replies: { body: { items: [{ id: SEEDED.id }] } },
  },
  {
    name: "truncated-json, GET: 'not valid JSON'",
    shape: "truncated-json",
    request: "get",
    fails: { as: UnusableResponseError, with: { problem: "not-json", writeMayHaveApplied: false } },
    says: ["not valid JSON", "Fix:"],
  },
  {
    name: "truncated-json, PUT: marked writeMayHaveApplied with the object id",
    shape: "truncated-json",
    once: true,
    request: "replace",
    fails: { as: UnusableResponseError, with: { writeMayHaveApplied: true, objectId: SEEDED.id } },
    stored: { id: SEEDED.id, priority: REPLACED_PRIORITY },
  },
  { name: "unknown-field, GET: ignored", shape: "unknown-field", request: "get", replies: { body: { id: SEEDED.id } } },
  {
    name: "unknown-field, GET list: ignored",
    shape: "unknown-field",
    request: "list",
    replies: { body: { items: [{ id: SEEDED.id }] } },
  },
  ...WRONG_TYPES.flatMap(({ shape, issue }): Case[] => [
    {
      name: `${shape}, GET: names the field, expected and received type`,
      shape,
      request: "get",
      fails: { as: UnusableResponseError, with: { problem: "wrong-shape", issues: [issue] } },
      says: [`${issue.path}: expected ${issue.expected}, got ${issue.got}`],
    },
    {
      name: `${shape}, GET list: the path says which item`,
      shape,
      request: "list",
      fails: { as: UnusableResponseError, with: { issues: [{ path: `items[0].${issue.path}` }] } },
    },
  ]),
];

function send(client: CxoneClient, request: Request, etag: string): Promise<unknown> {
  switch (request) {
    case "get":
      return client.rules.get(SEEDED.id);
    case "list":
      return client.rules.list();
    case "create":
      return client.rules.create(rule({ name: CREATED }));
    case "replace":
      return client.rules.replace(SEEDED.id, rule({ name: SEEDED.name, priority: REPLACED_PRIORITY }), etag);
  }
}

describe("a 2xx (or 502) reply the contract cannot use", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it.each(CASES)("$name", async (row) => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const [seeded] = (await sim.admin.seed({ rules: [seedRule(SEEDED)] })).rules;
    // Quick retries; resolveBaseUrl first, so that the broken replies meet the request itself.
    const client = getClient(clientConfig(sim, { retry: { maxAttempts: 3 } }));
    await client.resolveBaseUrl();
    sim.admin.setFaults({ malformedShape: row.shape, ...(row.once ? { malformedCount: 1 } : {}) });

    const outcome = await send(client, row.request, seeded!.etag).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    if (row.fails) {
      expect("error" in outcome, "the request should fail").toBe(true);
      const error = (outcome as { error: Error }).error;
      expect(error).toBeInstanceOf(row.fails.as);
      expect(error).toMatchObject(row.fails.with);
      for (const text of row.says ?? []) expect(error.message).toMatch(text);
      for (const text of row.saysNot ?? []) expect(error.message).not.toContain(text);
    } else {
      expect(outcome).toMatchObject({ reply: row.replies });
    }
    if (row.stored) {
      const wanted = Object.entries(row.stored);
      const matching = sim.admin
        .state()
        .rules.filter((stored) => wanted.every(([field, value]) => stored[field as keyof typeof stored] === value));
      expect(matching).toHaveLength(1);
    }
  });
});
