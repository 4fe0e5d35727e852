import { describe, expect, it } from "vitest";
import { checkpointPath, type PagedCollection, readTenantPages } from "../../../src/cli/export/tenant-pages";
import { useTempDirs } from "../../helpers/temp-dirs";

function collection(total: number, failAtSkip?: number): PagedCollection<{ id: string }> & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    async list({ skip, top }) {
      calls.push(skip);
      if (skip === failAtSkip) throw new Error("connection reset");
      const items = Array.from({ length: Math.max(0, Math.min(top, total - skip)) }, (_, i) => ({ id: `r${skip + i}` }));
      return { body: { items, total, skip, top } };
    },
  };
}

describe("reading the tenant page by page", () => {
  const temp = useTempDirs("export-resume-");

  it("resumes an interrupted export at the next page from the checkpoint", async () => {
    const dir = temp.make();
    const options = { tenant: "sim sim-client", checkpointFile: checkpointPath(dir) };
    const failing = collection(350, 200);
    await expect(readTenantPages({ ...options, rules: failing, webhooks: collection(1) })).rejects.toThrow("connection reset");
    expect(failing.calls).toEqual([0, 100, 200]);

    const rules = collection(350);
    const resumed = await readTenantPages({ ...options, rules, webhooks: collection(1) });
    expect(rules.calls).toEqual([200, 300]);
    expect(resumed.pagesResumed).toBe(2);
    expect(resumed.pagesRead).toBe(3);
    expect(resumed.rules.map((r) => r.id)).toEqual(Array.from({ length: 350 }, (_, i) => `r${i}`));

    // Another tenant's checkpoint is never resumed.
    const other = collection(350);
    await readTenantPages({ ...options, tenant: "other", rules: other, webhooks: collection(1) });
    expect(other.calls).toEqual([0, 100, 200, 300]);
  });
});
