import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const runtime = path.resolve(__dirname, "../../dist/src/provider/runtime.js");

/** Loads the provider runtime in a new process, as the dynamic-provider host does, with `env` added. */
function loadRuntime(env: Record<string, string>): void {
  const { NODE_COMPILE_CACHE: _own, ...inherited } = process.env;
  execFileSync(process.execPath, ["-e", `require(${JSON.stringify(runtime)})`], { env: { ...inherited, ...env }, stdio: "pipe" });
}

function filesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : [];
}

describe("the provider runtime's compile cache (src/provider/compile-cache.ts)", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cxone-compile-cache-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  // Without NODE_COMPILE_CACHE (which would make Node itself cache), so that only the runtime can
  // turn the cache on; it then uses Node's default place, node-compile-cache in the temp directory.
  it("keeps the bytecode of the modules it loads in the temp directory", () => {
    const dir = tempDir();
    loadRuntime({ TMPDIR: dir });
    const cached = filesUnder(path.join(dir, "node-compile-cache"));
    expect(cached.length).toBeGreaterThan(0);
  });
});
