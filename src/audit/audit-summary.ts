import { existsSync, readFileSync } from "node:fs";
import type { AuditRecord } from "./audit-record";

/** Figures of an audit log: operations by kind, success rate and latency percentiles. */
export interface AuditSummary {
  readonly operations: number;
  readonly succeeded: number;
  readonly failed: number;
  /** 0..1; 1 when there were no operations. */
  readonly successRate: number;
  readonly p50LatencyMs: number;
  readonly p95LatencyMs: number;
  readonly byOperation: Readonly<Record<string, number>>;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarizes audit records (see {@link readAuditLog}): counts, success rate, p50/p95 latency. */
export function summarizeAudit(records: readonly AuditRecord[]): AuditSummary {
  const latencies = records.map((r) => r.latencyMs).sort((a, b) => a - b);
  const succeeded = records.filter((r) => r.status === "success").length;
  const byOperation: Record<string, number> = {};
  for (const r of records) byOperation[r.operation] = (byOperation[r.operation] ?? 0) + 1;
  return {
    operations: records.length,
    succeeded,
    failed: records.length - succeeded,
    successRate: records.length === 0 ? 1 : succeeded / records.length,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    byOperation,
  };
}

/**
 * Reads an audit log; `since` keeps the lines of one run. A line that is not JSON (a torn write
 * from a killed process) is reported, never silently dropped.
 */
export function readAuditLog(file: string, since?: Date): { records: AuditRecord[]; unreadableLines: number[] } {
  if (!existsSync(file)) return { records: [], unreadableLines: [] };
  const records: AuditRecord[] = [];
  const unreadableLines: number[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (!line.trim()) return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        record = undefined;
      }
      // Valid JSON is not enough: `null` or a bare number would break summarizeAudit later.
      if (!isAuditRecord(record)) {
        unreadableLines.push(index + 1);
        return;
      }
      if (!since || new Date(record.time) >= since) records.push(record);
    });
  return { records, unreadableLines };
}

function isAuditRecord(value: unknown): value is AuditRecord {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const { time, latencyMs } = value as Record<string, unknown>;
  return typeof time === "string" && typeof latencyMs === "number";
}

/** The summary as the lines `npm run demo` prints. */
export function formatAuditSummary(summary: AuditSummary): string {
  const ops = Object.entries(summary.byOperation)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");
  return [
    `operations: ${summary.operations}${ops ? ` (${ops})` : ""}`,
    `success rate: ${(summary.successRate * 100).toFixed(1)}% (${summary.succeeded}/${summary.operations})`,
    `latency: p50 ${summary.p50LatencyMs.toFixed(1)} ms, p95 ${summary.p95LatencyMs.toFixed(1)} ms`,
  ].join("\n");
}
