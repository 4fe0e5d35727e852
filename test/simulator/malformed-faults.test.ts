import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, fetchToken, start } from "./helpers";

let sim: RunningSimulator | undefined;
afterEach(async () => sim?.close());

describe("malformed-reply fault", () => {
  it("replaces the next N successful replies with the shape, via the admin HTTP API", async () => {
    sim = await start({ rateLimitPerMinute: 0 });
    const set = await fetch(`${sim.url}/_admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ malformedShape: "html-200", malformedCount: 1 }),
    });
    expect(set.status).toBe(200);
    const token = await fetchToken(sim.url);
    const get = () => fetch(`${sim!.url}${RULES_PATH}`, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
    const first = await get();
    expect(first.headers.get("content-type")).toContain("text/html");
    expect(await first.text()).toContain("<html>");
    const second = await get();
    expect(((await second.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("rejects an unknown shape", async () => {
    sim = await start();
    expect(() => sim!.admin.setFaults({ malformedShape: "nonsense" as never })).toThrow(/malformedShape must be one of/);
  });
});
