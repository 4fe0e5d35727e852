import { afterEach, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../src/simulator/index";
import { RULES_PATH, call, fetchToken, start } from "./helpers";
import { seedRule } from "../helpers/rules";

let sim: RunningSimulator | undefined;
afterEach(async () => sim?.close());

describe("list items carry their ETag", () => {
  it("each item's etag equals the ETag header of GET on the item", async () => {
    sim = await start({ rateLimitPerMinute: 0 });
    const { rules } = await sim.admin.seed({ rules: [seedRule()] });
    const token = await fetchToken(sim.url);
    const list = await call(sim.url, "GET", RULES_PATH, { token });
    const item = await call(sim.url, "GET", `${RULES_PATH}/${rules[0]!.id}`, { token });
    expect(list.body.items[0].etag).toBe(item.headers.get("etag"));
  });

  it("listETags: false leaves them out", async () => {
    sim = await start({ rateLimitPerMinute: 0, listETags: false });
    await sim.admin.seed({ rules: [seedRule()] });
    const token = await fetchToken(sim.url);
    const list = await call(sim.url, "GET", RULES_PATH, { token });
    expect(list.body.items[0]).not.toHaveProperty("etag");
  });
});
