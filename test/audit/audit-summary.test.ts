import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatAuditSummary, readAuditLog, summarizeAudit, type AuditRecord } from "../../src/audit/index";

function record(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: "00000000-0000-5000-8000-000000000000",
    time: "2025-03-04T05:06:07.000Z",
    stack: "dev",
    urn: "urn:pulumi:dev::p::t::n",
    resourceType: "RoutingRule",
    operation: "update",
    resourceId: "rule-1",
    status: "success",
    etagBefore: '"1"',
    etagAfter: '"2"',
    latencyMs: 10,
    attempts: 1,
    successCount: 1,
    totalCount: 1,
    ...overrides,
  };
}

describe("summarizeAudit", () => {
  it("nearest-rank percentiles over twenty latencies", () => {
    // Shuffled 1..20: p50 is the 10th smallest, p95 the 19th.
    const latencies = [7, 20, 3, 14, 1, 18, 9, 12, 5, 16, 2, 19, 11, 6, 15, 4, 17, 8, 13, 10];
    const summary = summarizeAudit(latencies.map((latencyMs) => record({ latencyMs })));
    expect(summary.p50LatencyMs).toBe(10);
    expect(summary.p95LatencyMs).toBe(19);
  });

  it("nearest-rank percentiles over three latencies round the rank up", () => {
    const summary = summarizeAudit([5, 1, 3].map((latencyMs) => record({ latencyMs })));
    expect(summary.p50LatencyMs).toBe(3);
    expect(summary.p95LatencyMs).toBe(5);
  });

  it("one record is every percentile", () => {
    const summary = summarizeAudit([record({ latencyMs: 42.5 })]);
    expect([summary.p50LatencyMs, summary.p95LatencyMs]).toEqual([42.5, 42.5]);
  });

  it("counts successes, failures and operations", () => {
    const summary = summarizeAudit([
      record({ operation: "create" }),
      record({ operation: "update" }),
      record({ operation: "update", status: "failure", errorCode: "out_of_band_change" }),
      record({ operation: "overwrite" }),
    ]);
    expect(summary).toMatchObject({
      operations: 4,
      succeeded: 3,
      failed: 1,
      successRate: 0.75,
      byOperation: { create: 1, update: 2, overwrite: 1 },
    });
  });

  it("no records: success rate 1 and zero latencies", () => {
    expect(summarizeAudit([])).toEqual({
      operations: 0,
      succeeded: 0,
      failed: 0,
      successRate: 1,
      p50LatencyMs: 0,
      p95LatencyMs: 0,
      byOperation: {},
    });
  });
});

describe("readAuditLog", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "cxone-audit-read-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reports unreadable lines by number instead of dropping them silently", () => {
    const file = path.join(dir, "audit.jsonl");
    const good = [record({ operation: "create" }), record({ operation: "update" })];
    writeFileSync(file, [JSON.stringify(good[0]), '{"id":"torn', "", JSON.stringify(good[1]), "not json", ""].join("\n"));
    expect(readAuditLog(file)).toEqual({ records: good, unreadableLines: [2, 5] });
  });

  it("a line that is JSON but not a record is unreadable too", () => {
    const file = path.join(dir, "audit.jsonl");
    writeFileSync(file, ["null", "42", '"text"', "[]", JSON.stringify(record()), ""].join("\n"));
    expect(readAuditLog(file)).toEqual({ records: [record()], unreadableLines: [1, 2, 3, 4] });
  });

  it("since keeps the records of one run", () => {
    const file = path.join(dir, "audit.jsonl");
    const old = record({ time: "2025-01-01T00:00:00.000Z", operation: "create" });
    const recent = record({ time: "2025-06-01T00:00:00.000Z" });
    writeFileSync(file, `${JSON.stringify(old)}\n${JSON.stringify(recent)}\n`);
    expect(readAuditLog(file, new Date("2025-03-01T00:00:00.000Z")).records).toEqual([recent]);
  });

  it("a missing file is an empty log", () => {
    expect(readAuditLog(path.join(dir, "absent.jsonl"))).toEqual({ records: [], unreadableLines: [] });
  });
});

describe("formatAuditSummary", () => {
  it("prints operations, success rate and latencies", () => {
    const text = formatAuditSummary(
      summarizeAudit([
        record({ operation: "create", latencyMs: 20 }),
        record({ operation: "update", latencyMs: 10 }),
        record({ operation: "update", latencyMs: 30, status: "failure" }),
      ]),
    );
    expect(text).toBe(["operations: 3 (create 1, update 2)", "success rate: 66.7% (2/3)", "latency: p50 20.0 ms, p95 30.0 ms"].join("\n"));
  });

  it("an empty summary", () => {
    expect(formatAuditSummary(summarizeAudit([]))).toBe(
      ["operations: 0", "success rate: 100.0% (0/0)", "latency: p50 0.0 ms, p95 0.0 ms"].join("\n"),
    );
  });
});
