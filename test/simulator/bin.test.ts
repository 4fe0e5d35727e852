import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES_PATH, call, fetchToken } from "./helpers";

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin/cxone-sim.js");
let buildDir: string;
const children: ChildProcess[] = [];

/** Compiles only src/simulator/ into dist/ so the bin runs even while other folders are mid-change. */
beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), "cxone-sim-build-"));
  const config = join(buildDir, "tsconfig.json");
  await writeFile(
    config,
    JSON.stringify({
      extends: join(ROOT, "tsconfig.json"),
      compilerOptions: {
        rootDir: ROOT,
        outDir: join(ROOT, "dist"),
        typeRoots: [join(ROOT, "node_modules/@types")],
        declaration: false,
        sourceMap: false,
      },
      include: [join(ROOT, "src", "simulator")],
    }),
  );
  await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config], { cwd: ROOT });
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await rm(buildDir, { recursive: true, force: true });
});

interface SpawnedBin {
  child: ChildProcess;
  firstLine: Promise<string>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function spawnBin(args: string[]): SpawnedBin {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolveLine, reject) => {
    lines.once("line", resolveLine);
    child.once("exit", (code) => reject(new Error(`cxone-sim exited with ${code} before printing its URL`)));
  });
  // Tests that expect an early exit never await the URL.
  firstLine.catch(() => undefined);
  const exited = new Promise<number | null>((resolveExit) => child.once("close", (code) => resolveExit(code)));
  return { child, firstLine, exited, stderr: () => stderr };
}

describe("cxone-sim bin", () => {
  it("prints its base URL as the first stdout line, serves the API, and exits cleanly on SIGTERM", async () => {
    const { child, firstLine, exited } = spawnBin(["--port", "0", "--quiet"]);
    const url = await firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const token = await fetchToken(url);
    expect((await call(url, "GET", RULES_PATH, { token })).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("applies credential, fault and Retry-After flags", async () => {
    const { child, firstLine, exited } = spawnBin([
      "--port=0",
      "--client-id",
      "bin-client",
      "--client-secret",
      "bin-secret",
      "--error-rate",
      "1",
      "--error-status",
      "503",
      "--no-retry-after",
      "--token-ttl",
      "120",
    ]);
    const url = await firstLine;
    const tokenResponse = await fetch(`${url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=bin-client&client_secret=bin-secret",
    });
    const tokenBody = (await tokenResponse.json()) as { access_token: string; expires_in: number };
    expect(tokenBody.expires_in).toBe(120);
    const res = await call(url, "GET", RULES_PATH, { token: tokenBody.access_token });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBeNull();
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("persists to --data across restarts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cxone-sim-bin-data-"));
    try {
      const dataFile = join(dir, "sim.json");
      const first = spawnBin(["--port", "0", "--quiet", "--data", dataFile]);
      const url1 = await first.firstLine;
      await fetch(`${url1}/_admin/seed`, {
        method: "POST",
        body: JSON.stringify({
          webhooks: [{ id: "h1", name: "h", enabled: true, targetURL: "http://127.0.0.1:9/", eventFilter: "routing.rule.created" }],
        }),
      });
      first.child.kill("SIGTERM");
      await first.exited;
      const second = spawnBin(["--port", "0", "--quiet", "--data", dataFile]);
      const url2 = await second.firstLine;
      const state = (await (await fetch(`${url2}/_admin/state`)).json()) as { webhooks: Array<{ id: string }> };
      expect(state.webhooks.map((webhook) => webhook.id)).toEqual(["h1"]);
      second.child.kill("SIGTERM");
      await second.exited;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits with status 2 on an unknown flag", async () => {
    const { exited, stderr } = spawnBin(["--bogus"]);
    expect(await exited).toBe(2);
    expect(stderr()).toContain("--bogus");
  });
});
