import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDirs } from "../helpers/temp-dirs";

const runtime = path.resolve(__dirname, "../../dist/src/provider/runtime.js");

/**
 * A provider process as the engine runs one: it loads the runtime, answers one operation (a diff,
 * which sends no request), then is ended with SIGINT, which the SDK's host does not handle (so
 * Node's own write-at-exit never runs).
 */
async function providerEndedBySigint(home: string): Promise<void> {
  const { NODE_COMPILE_CACHE: _c, NODE_DISABLE_COMPILE_CACHE: _d, XDG_CACHE_HOME: _x, ...inherited } = process.env;
  const script = [
    `const rt = require(${JSON.stringify(runtime)});`,
    // Answered or refused, the operation is over: the host's reply has gone out.
    "rt.r.diff('id', { name: 'a' }, { name: 'a' }).catch(() => {}).then(() => setTimeout(() => console.log('answered'), 200));",
    "setInterval(() => {}, 1000);",
  ].join("\n");
  const child = spawn(process.execPath, ["-e", script], {
    env: { ...inherited, HOME: home, CXONE_BASE_URL: "http://127.0.0.1:9", CXONE_CLIENT_ID: "id", CXONE_CLIENT_SECRET: "secret" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (data: Buffer) => {
      if (data.toString().includes("answered")) child.kill("SIGINT");
    });
    child.on("exit", (_code, signal) =>
      signal === "SIGINT" ? resolve() : reject(new Error(`provider exited without SIGINT (${signal})`)),
    );
  });
}

/** Files only: Node makes the cache's version folder as soon as the cache is on. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((entry) => path.join(dir, String(entry)))
    .filter((file) => statSync(file).isFile());
}

describe("the provider runtime's compile cache (src/provider/compile-cache.ts)", () => {
  const temp = useTempDirs("cxone-compile-cache-");

  it("is on disk, in the user's own cache folder, when the engine ends the provider with SIGINT", async () => {
    const home = temp.make();
    await providerEndedBySigint(home);
    const cache = path.join(home, ".cache", "pulumi-cxone-routing", "node-compile-cache");
    expect(filesUnder(cache).length).toBeGreaterThan(0);
    // Only this user may write bytecode the provider will run.
    expect(statSync(cache).mode & 0o777).toBe(0o700);
  });
});
