import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";
import { seedRule } from "../helpers/rules";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await start();
  token = await fetchToken(sim.url);
  await sim.admin.seed({
    rules: Array.from({ length: 105 }, (_, i) => seedRule({ id: `rule-${String(i).padStart(3, "0")}`, name: `rule ${i}`, priority: i })),
  });
});
afterAll(async () => {
  await sim.close();
});

describe("GET rules list", () => {
  it("defaults to the first 100 items and reports the total", async () => {
    const res = await call(sim.url, "GET", RULES_PATH, { token });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
    expect(res.body).toMatchObject({ total: 105, skip: 0, top: 100 });
  });

  it("pages with skip and top in creation order", async () => {
    const res = await call(sim.url, "GET", `${RULES_PATH}?skip=100&top=10`, { token });
    expect(res.body.items.map((rule: { id: string }) => rule.id)).toEqual(["rule-100", "rule-101", "rule-102", "rule-103", "rule-104"]);
    expect(res.body).toMatchObject({ total: 105, skip: 100, top: 10 });
  });

  it("filters by exact name", async () => {
    const res = await call(sim.url, "GET", `${RULES_PATH}?name=${encodeURIComponent("rule 7")}`, { token });
    expect(res.body.items.map((rule: { id: string }) => rule.id)).toEqual(["rule-007"]);
    expect(res.body.total).toBe(1);
    const none = await call(sim.url, "GET", `${RULES_PATH}?name=rule`, { token });
    expect(none.body.items).toEqual([]);
  });

  it("answers 400 for top above 100 and for malformed paging", async () => {
    const tooMany = await call(sim.url, "GET", `${RULES_PATH}?top=101`, { token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toMatchObject({ field: "top", errorCode: "out_of_range" });
    expect((await call(sim.url, "GET", `${RULES_PATH}?skip=-1`, { token })).status).toBe(400);
    expect((await call(sim.url, "GET", `${RULES_PATH}?top=0`, { token })).status).toBe(400);
  });
});
