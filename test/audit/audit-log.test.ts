import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { auditId, createAuditLog, type AuditEntry } from "../../src/audit/index";

const URN = "urn:pulumi:dev::cxone-routing::pulumi-nodejs:dynamic/cxone:RoutingRule::vip";

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    urn: URN,
    resourceType: "RoutingRule",
    operation: "update",
    resourceId: "rule-1",
    ok: true,
    etagBefore: '"1"',
    etagAfter: '"2"',
    latencyMs: 12.345,
    attempts: 1,
    ...overrides,
  };
}

const fixedClock = () => new Date("2025-03-04T05:06:07.000Z");

describe("audit log: records", () => {
  it("carries the entry, a deterministic id, the clock's time and rounded latency", () => {
    const record = createAuditLog(undefined, fixedClock).record(entry());
    expect(record).toEqual({
      id: auditId("dev", URN, "update", '"1"', '"2"'),
      time: "2025-03-04T05:06:07.000Z",
      stack: "dev",
      urn: URN,
      resourceType: "RoutingRule",
      operation: "update",
      resourceId: "rule-1",
      status: "success",
      etagBefore: '"1"',
      etagAfter: '"2"',
      latencyMs: 12.3,
      attempts: 1,
      successCount: 1,
      totalCount: 1,
    });
  });

  it("a failure carries its error code", () => {
    const record = createAuditLog(undefined, fixedClock).record(
      entry({ ok: false, errorCode: "out_of_band_change", etagAfter: undefined }),
    );
    expect(record).toMatchObject({ status: "failure", errorCode: "out_of_band_change" });
  });

  it("keeps running success and total counts", () => {
    const log = createAuditLog(undefined, fixedClock);
    const counts = [true, false, true, true, false].map((ok) => {
      const record = log.record(entry({ ok }));
      return [record.successCount, record.totalCount];
    });
    expect(counts).toEqual([
      [1, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [3, 5],
    ]);
    expect(log.records).toHaveLength(5);
  });

  it("the same operation logged twice gets the same id", () => {
    const log = createAuditLog(undefined, fixedClock);
    expect(log.record(entry()).id).toBe(log.record(entry()).id);
  });
});

describe("audit log: the file", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("appends one JSON line per record, creating the folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cxone-audit-"));
    dirs.push(dir);
    const file = path.join(dir, "nested", "audit.jsonl");
    const log = createAuditLog(file, fixedClock);
    expect(log.path).toBe(file);
    const first = log.record(entry({ operation: "create", etagBefore: undefined }));
    const second = log.record(entry());
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual([first, second]);
  });

  it("a second log on the same file appends instead of truncating", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cxone-audit-"));
    dirs.push(dir);
    const file = path.join(dir, "audit.jsonl");
    createAuditLog(file, fixedClock).record(entry());
    createAuditLog(file, fixedClock).record(entry());
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
  });
});
