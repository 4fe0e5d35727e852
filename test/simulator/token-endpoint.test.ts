import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, start } from "./helpers";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(async () => {
  await sim.close();
});

async function postToken(body: string, headers: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${sim.url}/oauth/token`, { method: "POST", headers, body });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe("POST /oauth/token", () => {
  it("issues a bearer token for client_credentials with a JSON body", async () => {
    const res = await postToken(
      JSON.stringify({
        grant_type: "client_credentials",
        client_id: "sim-client",
        client_secret: "sim-secret",
        scope: "routing:rules:read routing:rules:write",
      }),
      { "Content-Type": "application/json" },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "routing:rules:read routing:rules:write" });
    expect(typeof res.body.access_token).toBe("string");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("accepts a form-encoded body and grants every allowed scope when none is requested", async () => {
    const res = await postToken("grant_type=client_credentials&client_id=sim-client&client_secret=sim-secret", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(200);
    expect(res.body.scope.split(" ").sort()).toEqual(["routing:rules:read", "routing:rules:write", "webhooks:read", "webhooks:write"]);
  });

  it("accepts the real platform's password grant with the client in Basic auth", async () => {
    const basic = Buffer.from("sim-client:sim-secret").toString("base64");
    const res = await postToken("grant_type=password&username=sim-access-key&password=sim-access-secret", {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${basic}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe("Bearer");
    const claims = JSON.parse(Buffer.from(String(res.body.id_token).split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims.tenantId).toBe("sim-tenant");
    const list = await call(sim.url, "GET", RULES_PATH, { token: res.body.access_token });
    expect(list.status).toBe(200);
  });

  it("answers 401 invalid_client for a wrong client secret", async () => {
    const res = await postToken(JSON.stringify({ grant_type: "client_credentials", client_id: "sim-client", client_secret: "nope" }), {
      "Content-Type": "application/json",
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
    expect(JSON.stringify(res.body)).not.toContain("nope");
  });

  it("answers 401 invalid_client for a wrong access key secret", async () => {
    const basic = Buffer.from("sim-client:sim-secret").toString("base64");
    const res = await postToken("grant_type=password&username=sim-access-key&password=wrong", {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${basic}`,
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
  });

  it("answers 400 unsupported_grant_type for other grants", async () => {
    const res = await postToken("grant_type=authorization_code&client_id=sim-client&client_secret=sim-secret", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("unsupported_grant_type");
  });

  it("answers 400 invalid_scope for a scope the client may not have", async () => {
    const res = await postToken(
      JSON.stringify({ grant_type: "client_credentials", client_id: "sim-client", client_secret: "sim-secret", scope: "admin:everything" }),
      { "Content-Type": "application/json" },
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_scope");
  });
});

describe("GET /.well-known/cxone-configuration", () => {
  it("names the simulator itself as the API endpoint of the tenant", async () => {
    const res = await fetch(`${sim.url}/.well-known/cxone-configuration?tenantId=t-42`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ api_endpoint: sim.url, tenantId: "t-42", area: "sim" });
  });
});
