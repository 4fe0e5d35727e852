import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataFileError } from "../../src/simulator/index";
import { RULES_PATH, WEBHOOKS_PATH, call, fetchToken, start, validWebhook } from "./helpers";
import { rule, seedRule } from "../helpers/rules";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cxone-sim-data-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("dataFile persistence", () => {
  it("keeps rules, webhooks (with secrets for signing) and idempotency records across a restart", async () => {
    const dataFile = join(dir, "state.json");
    const first = await start({ dataFile });
    const token = await fetchToken(first.url);
    const created = await call(first.url, "POST", RULES_PATH, { token, body: rule(), headers: { "Idempotency-Key": "k1" } });
    await call(first.url, "POST", WEBHOOKS_PATH, { token, body: validWebhook("http://127.0.0.1:9/h", { secret: "persisted-secret" }) });
    await first.close();

    expect(await readdir(dir)).toEqual(["state.json"]);
    expect(JSON.parse(await readFile(dataFile, "utf8")).webhooks[0].secret).toBe("persisted-secret");

    const second = await start({ dataFile });
    try {
      const token2 = await fetchToken(second.url);
      const fetched = await call(second.url, "GET", `${RULES_PATH}/${created.body.id}`, { token: token2 });
      expect(fetched.body).toEqual(created.body);
      expect(fetched.headers.get("etag")).toBe(created.headers.get("etag"));
      expect(second.admin.state().webhooks[0]).toMatchObject({ hasSecret: true });
      const replay = await call(second.url, "POST", RULES_PATH, { token: token2, body: rule(), headers: { "Idempotency-Key": "k1" } });
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe(created.body.id);
    } finally {
      await second.close();
    }
  });

  it("persists deletes and admin edits", async () => {
    const dataFile = join(dir, "nested", "state.json");
    const first = await start({ dataFile });
    await first.admin.seed({ rules: [seedRule({ id: "keep", name: "keep" }), seedRule({ id: "drop", name: "drop" })] });
    await first.admin.editRule("keep", { priority: 3 });
    const token = await fetchToken(first.url);
    const etag = first.admin.state().rules.find((rule) => rule.id === "drop")!.etag;
    expect((await call(first.url, "DELETE", `${RULES_PATH}/drop`, { token, headers: { "If-Match": etag } })).status).toBe(204);
    await first.close();
    const second = await start({ dataFile });
    try {
      expect(second.admin.state().rules.map((rule) => [rule.id, rule.priority, rule.version])).toEqual([["keep", 3, 2]]);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a corrupt data file", async () => {
    const dataFile = join(dir, "broken.json");
    await writeFile(dataFile, "{ nope");
    await expect(start({ dataFile })).rejects.toBeInstanceOf(DataFileError);
  });
});
