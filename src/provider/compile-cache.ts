import { mkdirSync } from "node:fs";
import nodeModule from "node:module";
import { homedir } from "node:os";
import path from "node:path";

/**
 * Loaded first by runtime.ts, in the dynamic-provider host: every `pulumi` command starts a new
 * provider process, which compiles this package, zod and undici again before its first answer:
 * the engine waits on it at the first check or delete. With Node's on-disk compile cache (Node
 * 22.1+) the next command reuses the bytecode: loading the runtime plus its first check took 77 ms
 * instead of 114 ms (medians of 3, `npm run bench -- provider.startup`). A machine
 * without a cache (a fresh CI runner) or a cache that cannot be written only compiles as before:
 * nothing depends on it. Never in the program's process: that one is the user's.
 *
 * The cache lives in the user's own cache folder (mode 0700), not Node's default in the shared
 * temp folder: bytecode another local user could write would run in a process that holds the
 * CXone credentials. NODE_COMPILE_CACHE, when set, is the user's choice (Node honours it, and
 * NODE_DISABLE_COMPILE_CACHE, itself).
 */
type CompileCacheApi = { enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void };
const api = nodeModule as CompileCacheApi;

function cacheDir(): string | undefined {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), ".cache") : undefined);
  if (!base) return undefined;
  const dir = path.join(base, "pulumi-cxone-routing", "node-compile-cache");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

let enabled = false;
try {
  const dir = typeof api.enableCompileCache === "function" ? cacheDir() : undefined;
  if (dir) {
    api.enableCompileCache?.(dir);
    enabled = true;
  }
} catch {
  // Best effort by design: see above.
}

/**
 * Writes what was compiled so far. Node writes the cache only when a process exits by itself,
 * and the engine ends a provider with SIGINT (then SIGKILL), which the SDK's host does not
 * handle: without this nothing would ever reach the disk. The runtime calls it once loaded, and
 * the host once more after the first operation (which loads undici when it sends a request).
 */
export function saveCompiled(): void {
  if (!enabled) return;
  try {
    api.flushCompileCache?.();
  } catch {
    // Best effort by design: see above.
  }
}
