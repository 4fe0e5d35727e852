import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditRecord } from "../../src/audit/index";
import { ObjectGoneError } from "../../src/errors/object-gone-error";
import { OutOfBandChangeError } from "../../src/errors/out-of-band-change-error";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

const NEW_TARGETS = [
  { type: "queue", id: "queue-a", weight: 50, capacity: 10 },
  { type: "queue", id: "queue-b", weight: 50, capacity: 5 },
];

function auditLines(harness: Harness): AuditRecord[] {
  return readFileSync(harness.auditFile, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as AuditRecord);
}

/** API requests answered after `seq`. */
function requestsSince(harness: Harness, seq: number) {
  return harness.apiRequests().filter((entry) => entry.seq > seq);
}

function lastSeq(harness: Harness): number {
  return harness.sim.admin.requests().at(-1)?.seq ?? 0;
}

describe("update: If-Match carries the ETag from the state", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("sends exactly one PUT with the state's ETag and no GET", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const before = lastSeq(harness);
    const result = await routingRuleProvider.update!(id, outs, engineInputs(rule({ targets: NEW_TARGETS })));
    const requests = requestsSince(harness, before);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(["PUT 200"]);
    expect(requests[0]?.ifMatch).toBe(outs.etag);

    const [stored] = harness.sim.admin.state().rules;
    expect(stored?.targets).toEqual(NEW_TARGETS);
    expect(result.outs).toMatchObject({ etag: stored?.etag, version: stored?.version, targets: NEW_TARGETS });
    expect(result.outs?.etag).not.toBe(outs.etag);
  });
});

describe("update: a rule edited outside Pulumi", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("is refused with an OutOfBandChangeError naming both ETags and pulumi refresh", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const edited = await harness.sim.admin.editRule(id, { priority: 99 });
    const error = await routingRuleProvider.update!(id, outs, engineInputs(rule({ targets: NEW_TARGETS }))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutOfBandChangeError);
    const conflict = error as OutOfBandChangeError;
    expect(conflict.code).toBe("out_of_band_change");
    expect(conflict.stateETag).toBe(outs.etag);
    expect(conflict.serverETag).toBe(edited.etag);
    expect(conflict.message).toContain(String(outs.etag));
    expect(conflict.message).toContain(edited.etag);
    expect(conflict.message).toContain("pulumi refresh");
    // The console edit survives.
    expect(harness.sim.admin.state().rules[0]).toEqual(edited);
  });

  it("the refusal is in the audit log as a failed update", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await harness.sim.admin.editRule(id, { priority: 99 });
    await expect(routingRuleProvider.update!(id, outs, engineInputs(rule({ targets: NEW_TARGETS })))).rejects.toBeInstanceOf(
      OutOfBandChangeError,
    );
    expect(auditLines(harness).at(-1)).toMatchObject({
      operation: "update",
      status: "failure",
      errorCode: "out_of_band_change",
      resourceId: id,
      etagBefore: outs.etag,
      successCount: 1,
      totalCount: 2,
    });
  });

  it('conflictPolicy "overwrite" on the resource re-reads and applies the program', async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const edited = await harness.sim.admin.editRule(id, { priority: 99 });
    const before = lastSeq(harness);
    const result = await routingRuleProvider.update!(id, outs, engineInputs(rule({ conflictPolicy: "overwrite", targets: NEW_TARGETS })));

    expect(requestsSince(harness, before).map((r) => `${r.method} ${r.status}`)).toEqual(["PUT 412", "GET 200", "PUT 200"]);
    const [stored] = harness.sim.admin.state().rules;
    expect(stored).toMatchObject({ priority: 10, targets: NEW_TARGETS });
    expect(result.outs).toMatchObject({ conflictPolicy: "overwrite", priority: 10, etag: stored?.etag });
    expect(auditLines(harness).at(-1)).toMatchObject({
      operation: "overwrite",
      status: "success",
      resourceId: id,
      etagBefore: outs.etag,
      etagAfter: stored?.etag,
    });
    expect(edited.etag).not.toBe(stored?.etag);
  });

  it("cxone:conflictPolicy overwrite applies to resources that do not set one", async () => {
    await harness.reconfigure({ "cxone:conflictPolicy": "overwrite" });
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await harness.sim.admin.editRule(id, { priority: 99 });
    await routingRuleProvider.update!(id, outs, engineInputs(rule({ targets: NEW_TARGETS })));
    expect(harness.sim.admin.state().rules[0]?.priority).toBe(10);
    expect(auditLines(harness).at(-1)?.operation).toBe("overwrite");
  });

  it('the resource\'s conflictPolicy "fail" wins over cxone:conflictPolicy overwrite', async () => {
    await harness.reconfigure({ "cxone:conflictPolicy": "overwrite" });
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await harness.sim.admin.editRule(id, { priority: 99 });
    await expect(
      routingRuleProvider.update!(id, outs, engineInputs(rule({ conflictPolicy: "fail", targets: NEW_TARGETS }))),
    ).rejects.toBeInstanceOf(OutOfBandChangeError);
    expect(harness.sim.admin.state().rules[0]?.priority).toBe(99);
  });
});

describe("update: a rule deleted outside Pulumi", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("fails and tells to run pulumi refresh; nothing is created", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    await routingRuleProvider.delete!(id, outs);
    const error = await routingRuleProvider.update!(id, outs, engineInputs(rule({ targets: NEW_TARGETS }))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ObjectGoneError);
    expect((error as Error).message).toContain("pulumi refresh");
    expect(harness.sim.admin.state().rules).toEqual([]);
  });
});

describe("update: only conflictPolicy changed", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("records the new policy without calling the API", async () => {
    const { id, outs } = await routingRuleProvider.create(engineInputs(rule()));
    const before = lastSeq(harness);
    const result = await routingRuleProvider.update!(id, outs, engineInputs(rule({ conflictPolicy: "overwrite" })));
    expect(result.outs?.conflictPolicy).toBe("overwrite");
    expect(result.outs?.etag).toBe(outs.etag);
    expect(requestsSince(harness, before)).toEqual([]);
  });
});
