import { spawn } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { offlineEngineEnv, packageRoot } from "../../tools/engine";
import { type DocBlock, docBlocks, docFiles } from "../helpers/doc-blocks";

// Every ```sh block the docs mark `<!-- runnable -->` runs verbatim with bash (set -e), in a fresh
// temporary folder per page whose node_modules is this checkout's (as in a project that installed
// the package: `npx cxone-routing` and `npx cxone-sim` run its bins). The page's `<!-- file: ... -->` blocks are
// written there first. The blocks start their own simulators (`npx cxone-sim ... &`), which stand
// in for the tenants; every process a block left running is stopped after its page. The machine
// gives what a user's has: `pulumi` on PATH, a backend and a passphrase (a local file backend).
const pages = docFiles()
  .map((doc) => ({ doc, blocks: docBlocks(doc) }))
  .filter((page) => page.blocks.some((b) => b.marker?.kind === "runnable"));

function runBlock(block: DocBlock, dir: string, env: Record<string, string>, index: number) {
  const script = path.join(dir, `.docs-block-${index}.sh`);
  const log = path.join(dir, `.docs-block-${index}.log`);
  writeFileSync(script, `set -eo pipefail\n${block.code}\n`);
  const fd = openSync(log, "w");
  // Detached: its own process group, so that what it starts in the background can be stopped.
  const child = spawn("bash", [script], { cwd: dir, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const done = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { pid: child.pid!, done, printed: () => readFileSync(log, "utf8") };
}

describe.each(pages)("runnable blocks of $doc", ({ doc, blocks }) => {
  const dir = mkdtempSync(path.join(tmpdir(), `docs-${doc.replace(/[^a-z0-9]+/gi, "-")}-`));
  symlinkSync(path.join(packageRoot(), "node_modules"), path.join(dir, "node_modules"));
  const env = offlineEngineEnv(path.join(dir, ".pulumi-local"), "docs-passphrase");
  const groups: number[] = [];
  for (const block of blocks) {
    if (block.marker?.kind !== "file") continue;
    mkdirSync(path.dirname(path.join(dir, block.marker.path)), { recursive: true });
    writeFileSync(path.join(dir, block.marker.path), `${block.code}\n`);
  }
  afterAll(() => {
    for (const pid of groups) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  });

  const runnable = blocks.filter((b) => b.marker?.kind === "runnable");
  it.each(runnable.map((block, index) => ({ block, index, where: `${doc}:${block.line}` })))(
    "$where",
    async ({ block, index }) => {
      const run = runBlock(block, dir, env, index);
      groups.push(run.pid);
      const code = await run.done;
      expect(code, `${doc}:${block.line} exited ${code}:\n${block.code}\n--- printed ---\n${run.printed()}`).toBe(0);
    },
    900_000,
  );
});
