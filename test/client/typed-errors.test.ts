import { afterEach, describe, expect, it } from "vitest";
import {
  UnguardedWriteError,
  AuthenticationError,
  closeAllClients,
  ConflictError,
  CxoneApiError,
  ForbiddenError,
  getClient,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ValidationError,
  type RoutingRuleInput,
} from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { clientConfig, startSim } from "./helpers";
import { rule } from "../helpers/rules";

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("typed errors with messages a person can act on", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("a missing scope gives ForbiddenError naming the scope", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, clientScopes: ["routing:rules:read"] });
    const error = await caught(getClient(clientConfig(sim)).rules.create(rule({ name: "no-scope" })));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toBeInstanceOf(CxoneApiError);
    const forbidden = error as ForbiddenError;
    expect(forbidden.code).toBe("forbidden");
    expect(forbidden.status).toBe(403);
    expect(forbidden.method).toBe("POST");
    expect(forbidden.path).toBe("/api/v2/routing/interactionroutingrules");
    expect(forbidden.missingScope).toBe("routing:rules:write");
    expect(forbidden.correlationId).toMatch(/[0-9a-f-]{36}/);
    expect(forbidden.message).toContain('lacks scope "routing:rules:write"');
    expect(forbidden.message).toContain("Fix:");
  });

  it("a bad secret gives AuthenticationError saying the credentials were rejected", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const error = await caught(getClient(clientConfig(sim, { clientSecret: "wrong-secret" })).rules.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    const auth = error as AuthenticationError;
    expect(auth.code).toBe("authentication_failed");
    expect(auth.oauthError).toBe("invalid_client");
    expect(auth.status).toBe(401);
    expect(auth.message).toContain("rejected the credentials");
    expect(auth.message).toContain('client "sim-client"');
    expect(auth.message).toContain("clientSecret");
  });

  it("a 400 gives ValidationError listing every field error", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const bad = { ...rule({ name: "invalid" }), priority: 1.5, interactionType: "fax" } as RoutingRuleInput;
    const error = await caught(getClient(clientConfig(sim)).rules.create(bad));
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.code).toBe("validation_failed");
    expect(validation.fieldErrors.map((e) => e.field)).toEqual(expect.arrayContaining(["priority", "interactionType"]));
    for (const fieldError of validation.fieldErrors) {
      expect(validation.message).toContain(`${fieldError.field}: ${fieldError.message}`);
    }
    expect(validation.message).toContain("invalid field(s)");
  });

  it("a stale If-Match gives PreconditionFailedError with the current and the sent ETag", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "stale" }));
    const edited = await sim.admin.editRule(created.body.id, { priority: 9 });

    const error = await caught(client.rules.replace(created.body.id, rule({ name: "stale" }), created.etag!));
    expect(error).toBeInstanceOf(PreconditionFailedError);
    const stale = error as PreconditionFailedError;
    expect(stale.code).toBe("precondition_failed");
    expect(stale.currentETag).toBe(edited.etag);
    expect(stale.sentETag).toBe(created.etag);
    expect(stale.message).toContain("pulumi refresh");
  });

  it("the resources API refuses a PUT or DELETE without an ETag before sending anything", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "no-etag" }));
    const sent = sim.admin.requests().length;
    const put = await caught(client.rules.replace(created.body.id, rule({ name: "no-etag" }), ""));
    const del = await caught(client.rules.remove(created.body.id, ""));
    expect(put).toBeInstanceOf(UnguardedWriteError);
    expect(del).toBeInstanceOf(UnguardedWriteError);
    expect((put as UnguardedWriteError).code).toBe("unguarded_write");
    expect(sim.admin.requests()).toHaveLength(sent);
  });

  it("a PUT the server gets without If-Match gives PreconditionRequiredError", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const created = await client.rules.create(rule({ name: "no-etag" }));
    // Below the resources API (which never sends one): the raw request pipeline.
    const error = await caught(
      client.request({
        method: "PUT",
        path: `/api/v2/routing/interactionroutingrules/${created.body.id}`,
        body: rule({ name: "no-etag" }),
      }),
    );
    expect(error).toBeInstanceOf(PreconditionRequiredError);
    expect((error as PreconditionRequiredError).code).toBe("precondition_required");
    expect((error as Error).message).toContain("If-Match");
  });

  it("an absent object gives NotFoundError", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const error = await caught(getClient(clientConfig(sim)).rules.get("does-not-exist"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("not_found");
    expect((error as NotFoundError).path).toBe("/api/v2/routing/interactionroutingrules/does-not-exist");
  });

  it("a duplicate name gives ConflictError with the server's errorCode", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    await client.rules.create(rule({ name: "twice" }));
    const error = await caught(client.rules.create(rule({ name: "twice" })));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe("conflict");
    expect((error as ConflictError).errorCode).toBe("duplicate_name");
    expect((error as Error).message).toContain("adoptId");
  });

  it("deleting a rule another rule falls back to gives ConflictError rule_in_use", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(clientConfig(sim));
    const target = await client.rules.create(rule({ name: "fallback-target", priority: 2 }));
    await client.rules.create({ ...rule({ name: "uses-fallback", priority: 1 }), fallbackRuleId: target.body.id });
    const error = await caught(client.rules.remove(target.body.id, target.etag!));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).errorCode).toBe("rule_in_use");
    expect((error as Error).message).toContain("fallbackRuleId");
  });
});
