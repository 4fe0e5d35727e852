import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";
import { rule } from "../helpers/rules";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await start();
  token = await fetchToken(sim.url);
});
afterAll(async () => {
  await sim.close();
});

async function post(body: unknown) {
  return call(sim.url, "POST", RULES_PATH, { token, body });
}

function fields(res: { body: any }): string[] {
  return (res.body.errors as Array<{ field: string }>).map((error) => error.field);
}

describe("server-side rule validation", () => {
  it("reports every error at once with field paths", async () => {
    const res = await post({
      name: "",
      priority: 1.5,
      enabled: "yes",
      interactionType: "fax",
      conditions: [
        { field: "segment", operator: "equals", value: "vip" },
        { field: "", operator: "like", value: "x" },
      ],
      targets: [
        { type: "queue", id: "q1", weight: 50, capacity: 1 },
        { type: "team", id: "", weight: 150, capacity: -1 },
      ],
      fallbackRuleId: "does-not-exist",
    });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual([
      "name",
      "priority",
      "enabled",
      "interactionType",
      "conditions[1].field",
      "conditions[1].operator",
      "targets[1].type",
      "targets[1].id",
      "targets[1].weight",
      "targets[1].capacity",
      "fallbackRuleId",
    ]);
    for (const error of res.body.errors) {
      expect(typeof error.message).toBe("string");
      expect(typeof error.errorCode).toBe("string");
    }
  });

  it("requires the weights of existing targets to sum to 100", async () => {
    const res = await post(
      rule({
        targets: [
          { type: "queue", id: "a", weight: 60, capacity: 1 },
          { type: "skill", id: "b", weight: 30, capacity: 1 },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: "targets", errorCode: "invalid_weight_sum" })]);
  });

  it("accepts a rule without targets and without conditions", async () => {
    const res = await post(rule({ name: "catch-all", conditions: [], targets: [] }));
    expect(res.status).toBe(201);
  });

  it("requires name, priority, enabled, interactionType, conditions and targets", async () => {
    const res = await post({});
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["name", "priority", "enabled", "interactionType", "conditions", "targets"]);
    expect(new Set(res.body.errors.map((e: { errorCode: string }) => e.errorCode))).toEqual(new Set(["required"]));
  });

  it("rejects an invalid regular expression in matchesRegex", async () => {
    const res = await post(rule({ conditions: [{ field: "email", operator: "matchesRegex", value: "(" }] }));
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["conditions[0].value"]);
  });

  it("rejects more conditions than the configured limit", async () => {
    const conditions = Array.from({ length: 11 }, (_, i) => ({ field: `f${i}`, operator: "equals", value: i }));
    const res = await post(rule({ conditions }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: "conditions", errorCode: "too_many" });
  });

  it("rejects a fallback to the rule itself and fallback loops", async () => {
    const a = await post(rule({ name: "loop-a" }));
    const b = await post(rule({ name: "loop-b", fallbackRuleId: a.body.id }));
    expect(b.status).toBe(201);
    const self = await call(sim.url, "PUT", `${RULES_PATH}/${a.body.id}`, {
      token,
      body: rule({ name: "loop-a", fallbackRuleId: a.body.id }),
      headers: { "If-Match": a.headers.get("etag") ?? "" },
    });
    expect(self.body.errors[0].errorCode).toBe("self_reference");
    const loop = await call(sim.url, "PUT", `${RULES_PATH}/${a.body.id}`, {
      token,
      body: rule({ name: "loop-a", fallbackRuleId: b.body.id }),
      headers: { "If-Match": a.headers.get("etag") ?? "" },
    });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0]).toMatchObject({ field: "fallbackRuleId", errorCode: "fallback_cycle" });
  });

  it("answers 400 invalid_json for a malformed body", async () => {
    const response = await fetch(`${sim.url}${RULES_PATH}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].errorCode).toBe("invalid_json");
  });
});
