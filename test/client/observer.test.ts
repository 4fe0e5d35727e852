import { afterEach, describe, expect, it } from "vitest";
import { closeAllClients, getClient, NotFoundError, TransportError } from "../../src/client/index";
import type { RunningSimulator } from "../../src/simulator/index";
import { startFakeServer } from "./fake-server";
import { clientConfig, collectEvents, startSim } from "./helpers";
import { rule } from "../helpers/rules";

describe("observer hook: one event per HTTP attempt", () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await closeAllClients();
    await sim?.close();
  });

  it("reports method, path template, path, status, attempt, correlation id and outcome", async () => {
    sim = await startSim({ rateLimitPerMinute: 0, retryAfterHeader: false });
    const { events, observer } = collectEvents();
    const client = getClient(clientConfig(sim, { observer }));

    const created = await client.rules.create(rule({ name: "observed" }));
    sim.admin.setFaults({ rateLimitBurst: 1 });
    await client.rules.get(created.body.id);
    await client.rules.get("missing").catch((e: unknown) => expect(e).toBeInstanceOf(NotFoundError));

    const token = events.filter((e) => e.kind === "token");
    expect(token).toHaveLength(1);
    expect(token[0]).toMatchObject({ method: "POST", path: "/oauth/token", status: 200, outcome: "success" });

    const api = events.filter((e) => e.kind === "api");
    expect(api.map(({ method, pathTemplate, status, attempt, outcome }) => ({ method, pathTemplate, status, attempt, outcome }))).toEqual([
      { method: "POST", pathTemplate: "/api/v2/routing/interactionroutingrules", status: 201, attempt: 1, outcome: "success" },
      { method: "GET", pathTemplate: "/api/v2/routing/interactionroutingrules/{id}", status: 429, attempt: 1, outcome: "retry" },
      { method: "GET", pathTemplate: "/api/v2/routing/interactionroutingrules/{id}", status: 200, attempt: 2, outcome: "success" },
      { method: "GET", pathTemplate: "/api/v2/routing/interactionroutingrules/{id}", status: 404, attempt: 1, outcome: "error" },
    ]);
    expect(api[1]!.path).toBe(`/api/v2/routing/interactionroutingrules/${created.body.id}`);
    for (const event of api) expect(event.latencyMs).toBeGreaterThanOrEqual(0);

    // The correlation id in the event is the one the server logged for that request.
    const serverIds = new Set(sim.admin.requests().map((r) => r.correlationId));
    for (const event of api) expect(serverIds.has(event.correlationId!)).toBe(true);
    // Retries of one logical request keep its correlation id.
    expect(api[1]!.correlationId).toBe(api[2]!.correlationId);
  });

  it("reports status 0 with the socket code when no response arrives", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const closed = await startFakeServer(() => undefined);
    await closed.close();
    const { events, observer } = collectEvents();
    // Tokens from the simulator, API calls to a port nobody listens on.
    const client = getClient(clientConfig({ url: closed.url }, { authUrl: `${sim.url}/oauth/token`, observer, retry: { maxAttempts: 2 } }));

    const error = await client.rules.list().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe("transport_error");
    expect((error as TransportError).transportCode).toBe("ECONNREFUSED");
    expect((error as TransportError).attempts).toBe(2);
    expect((error as TransportError).status).toBe(0);
    expect((error as Error).message).toContain("Fix: check baseUrl");
    const failed = events.filter((e) => e.kind === "api");
    expect(failed.map((e) => [e.status, e.attempt, e.outcome, e.transportCode])).toEqual([
      [0, 1, "retry", "ECONNREFUSED"],
      [0, 2, "error", "ECONNREFUSED"],
    ]);
  });

  it("an observer that throws does not break the request", async () => {
    sim = await startSim({ rateLimitPerMinute: 0 });
    const client = getClient(
      clientConfig(sim, {
        observer: () => {
          throw new Error("audit sink down");
        },
      }),
    );
    expect((await client.rules.list()).status).toBe(200);
  });
});
