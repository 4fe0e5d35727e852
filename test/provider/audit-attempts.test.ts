import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAuditLog } from "../../src/audit";
import { routingRuleProvider } from "../../src/provider/runtime";
import { startHarness, type Harness, engineInputs } from "../helpers/provider-calls";
import { rule } from "../helpers/rules";

/** The audit log's `attempts` are the API requests each operation sent, as the simulator saw them. */
describe("audit attempts are measured", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  const lastRecord = () => readAuditLog(harness.auditFile).records.at(-1)!;

  it("create, update and delete each record the requests they sent, retries after 429 included", async () => {
    let before = harness.apiRequests().length;
    const created = await routingRuleProvider.create(engineInputs(rule()));
    expect(lastRecord()).toMatchObject({ operation: "create", attempts: harness.apiRequests().length - before });

    harness.sim.admin.setFaults({ rateLimitBurst: 2 });
    before = harness.apiRequests().length;
    const updated = await routingRuleProvider.update(created.id, created.outs, engineInputs(rule({ priority: 5 })));
    const updateRequests = harness.apiRequests().length - before;
    expect(updateRequests).toBe(3);
    expect(lastRecord()).toMatchObject({ operation: "update", attempts: updateRequests });

    before = harness.apiRequests().length;
    await routingRuleProvider.delete(created.id, updated.outs);
    const record = lastRecord();
    expect(record.operation).toBe("delete");
    // The delete guard's listing plus the DELETE: not the 1 an assumed count would say.
    expect(record.attempts).toBe(harness.apiRequests().length - before);
    expect(record.attempts).toBe(2);
  });

  it("a read the listing answers sends one request; a failed operation records what it sent", async () => {
    const created = await routingRuleProvider.create(engineInputs(rule()));
    let before = harness.apiRequests().length;
    await routingRuleProvider.read(created.id, created.outs);
    expect(lastRecord()).toMatchObject({ operation: "read", attempts: harness.apiRequests().length - before });

    harness.sim.admin.setFaults({ errorRate: 1, errorStatus: 503 });
    before = harness.apiRequests().length;
    await expect(routingRuleProvider.update(created.id, created.outs, engineInputs(rule({ priority: 9 })))).rejects.toThrow();
    const failed = lastRecord();
    expect(failed.status).toBe("failure");
    expect(failed.attempts).toBe(harness.apiRequests().length - before);
    expect(failed.attempts).toBeGreaterThan(1);
  });
});
