import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { engineBinDir } from "../../provider/engine/local-engine";
import { createTestStack, type TestStack } from "./harness";
import { FileRecord } from "./fixtures/file-record";

describe("the real Pulumi engine runs a dynamic resource of ours", () => {
  let t: TestStack | undefined;
  afterAll(async () => t?.cleanup());

  it("is the same version as @pulumi/pulumi", () => {
    const sdk = JSON.parse(readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")).version;
    const engine = execFileSync(path.join(engineBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
    expect(engine).toBe(`v${sdk}`);
  });

  it("up creates, preview is clean, a change updates, refresh keeps, destroy removes", async () => {
    let content = "first";
    let dir = "";
    t = await createTestStack({
      projectName: "engine-fixture",
      program: async () => {
        const record = new FileRecord("record", { dir, content });
        return { recordId: record.id, content: record.content };
      },
    });
    dir = path.join(t.workDir, "records");
    mkdirSync(dir, { recursive: true });

    const up = await t.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const id = up.outputs.recordId!.value as string;
    expect(readFileSync(path.join(dir, id), "utf8")).toBe("first");

    const preview = await t.preview();
    expect(preview.changeSummary).toEqual({ same: 2 });

    content = "second";
    const update = await t.up();
    expect(update.summary.resourceChanges).toEqual({ update: 1, same: 1 });
    expect(readFileSync(path.join(dir, id), "utf8")).toBe("second");

    const refresh = await t.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    const state = await t.exportStack();
    const record = state.resources.find((r: any) => r.type === "pulumi-nodejs:dynamic/e2e:FileRecord");
    expect(record.id).toBe(id);
    expect(record.outputs.content).toBe("second");

    const destroy = await t.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(existsSync(path.join(dir, id))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
