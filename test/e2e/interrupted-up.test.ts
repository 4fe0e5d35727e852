import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator";
import { backendStateDir, deleteEmptyMetadata, emptyMetadataFiles } from "../helpers/backend-files";
import { createPulumiProject, type PulumiProject } from "../helpers/pulumi-project";

const RULES = 100;
const CHECKPOINT_EOF = "failed to load checkpoint: EOF";

// Issue 15: `pulumi up` killed with SIGKILL part-way; the documented recovery converges.
describe("an up killed mid-way recovers with the documented steps", () => {
  let sim: RunningSimulator;
  let p: PulumiProject;
  let killedAt = 0;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rateLimitPerMinute: 0 });
    p = await createPulumiProject({ name: "interrupted-up", program: "many-rules" });
    await p.useSimulator(sim.url);
    await p.config("cxone:rateLimitPerMinute", "off");
    await p.config("count", String(RULES));
  });
  afterAll(async () => {
    p?.cleanup();
    await sim?.close();
  });

  it("SIGKILL after about a third of the creates leaves objects the state does not hold", async () => {
    const abort = new AbortController();
    const watch = setInterval(() => {
      if (sim.admin.state().rules.length >= 36) {
        killedAt = sim.admin.state().rules.length;
        abort.abort();
      }
    }, 5);
    const up = await p.killable(abort.signal, "up", "--yes", "--skip-preview");
    clearInterval(watch);
    expect(up.code).toBe(137);
    expect(killedAt).toBeGreaterThanOrEqual(36);
    expect(killedAt).toBeLessThan(RULES);
  });

  it("cancel, refresh --clear-pending-creates, up: every rule once, state and tenant equal, nothing pending", async () => {
    // The documented recovery (README, Interrupted runs): what the engine asks for, then `pulumi up`.
    let locked = await p.run("up", "--yes", "--skip-preview");
    expect(locked.code).not.toBe(0);
    if (/: EOF\b/.test(locked.printed)) {
      // The kill landed while the file backend rewrote a metadata file (it truncates, then writes):
      // the stack's checkpoint (`failed to load checkpoint: EOF`) or a lock file's sidecar.
      expect(emptyMetadataFiles(backendStateDir(p)).length).toBeGreaterThan(0);
      deleteEmptyMetadata(p);
      locked = await p.run("up", "--yes", "--skip-preview");
      expect(locked.code).not.toBe(0);
    }
    expect(locked.printed).toContain("pulumi cancel");
    await p.ok("cancel", "--yes");
    // The engine's own step for creates it never saw answered: drop its records of them. The
    // objects stay in CXone; the next up takes each over (CXone replays its Idempotency-Key).
    await p.refresh("--clear-pending-creates");
    const up = await p.run("up", "--yes", "--skip-preview");
    expect(up.code, up.printed).toBe(0);
    const rules = sim.admin.state().rules;
    expect(rules).toHaveLength(RULES);
    expect(new Set(rules.map((r) => r.name)).size).toBe(RULES);

    const state = await p.exportStack();
    const ids = state.resources.filter((r) => r.type.endsWith("cxone:RoutingRule")).map((r) => r.id);
    expect(ids.sort()).toEqual(rules.map((r) => r.id).sort());
    expect((state as { pending_operations?: unknown[] }).pending_operations ?? []).toEqual([]);
    const preview = await p.run("preview", "--expect-no-changes");
    expect(preview.code, preview.printed).toBe(0);
  });

  it("a kill that empties a backend metadata file: `failed to load checkpoint: EOF`, fixed by the README's step", async () => {
    // Deterministic stand-in for the unlucky instant: the backend truncates <stack>.json.attrs
    // before rewriting it, and SIGKILL in between leaves it empty.
    const stacks = path.join(backendStateDir(p), "stacks");
    const attrs = readdirSync(stacks, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(`${p.stack}.json.attrs`));
    expect(attrs).toBeDefined();
    writeFileSync(path.join(stacks, String(attrs)), "");
    const broken = await p.run("preview");
    expect(broken.code).not.toBe(0);
    expect(broken.printed).toContain(CHECKPOINT_EOF);
    deleteEmptyMetadata(p);
    expect(emptyMetadataFiles(backendStateDir(p))).toEqual([]);
    const preview = await p.run("preview", "--expect-no-changes");
    expect(preview.code, preview.printed).toBe(0);
    expect(sim.admin.state().rules).toHaveLength(RULES);
  });
});
