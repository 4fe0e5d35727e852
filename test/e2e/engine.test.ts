import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineBinDir } from "../../tools/engine";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";

describe("the plain pulumi CLI runs a TypeScript program with a dynamic resource", () => {
  let p: PulumiProject;
  let dir = "";
  beforeAll(async () => {
    p = await createPulumiProject({ name: "engine-fixture", program: "file-record" });
    dir = path.join(p.dir, "records");
    mkdirSync(dir, { recursive: true });
    await p.config("dir", dir);
    await p.config("content", "first");
  });
  afterAll(() => p?.cleanup());

  it("the engine is the version of @pulumi/pulumi, with the Node.js language host beside it", () => {
    const sdk = JSON.parse(readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")).version;
    const engine = execFileSync(path.join(engineBinDir(), "pulumi"), ["version"], { encoding: "utf8" }).trim();
    expect(engine).toBe(`v${sdk}`);
    for (const bin of ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"]) {
      expect(existsSync(path.join(engineBinDir(), bin)), bin).toBe(true);
    }
  });

  it("up creates, preview is clean, a change updates, refresh keeps, destroy removes", async () => {
    const up = await p.up();
    expect(up.printed).toContain("+ 2 created");
    expect(await p.lastChanges()).toEqual({ create: 2 });
    const id = (await p.outputs()).recordId as string;
    expect(readFileSync(path.join(dir, id), "utf8")).toBe("first");

    const preview = await p.preview();
    expect(preview.printed).toContain("2 unchanged");

    await p.config("content", "second");
    await p.up();
    expect(await p.lastChanges()).toEqual({ update: 1, same: 1 });
    expect(readFileSync(path.join(dir, id), "utf8")).toBe("second");

    await p.refresh();
    const state = await p.exportStack();
    const record = state.resources.find((r) => r.type === "pulumi-nodejs:dynamic/e2e:FileRecord");
    expect(record?.id).toBe(id);
    expect(record?.outputs.content).toBe("second");

    await p.destroy();
    expect(await p.lastChanges()).toEqual({ delete: 2 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
