import { describe, expect, it } from "vitest";
import * as runtime from "../../src/provider/runtime";
import { routingRuleShell, webhookShell } from "../../src/provider/provider-shell";

describe("provider shells", () => {
  it("the runtime keeps the names older shells in existing states call", () => {
    // Shells written before issue 16 call runtime.routingRuleProvider.<method> and runtime.webhookProvider.<method>.
    for (const method of ["check", "diff", "create", "read", "update", "delete"] as const) {
      expect(typeof runtime.routingRuleProvider[method]).toBe("function");
      expect(typeof runtime.webhookProvider[method]).toBe("function");
    }
    expect(typeof runtime.configure).toBe("function");
    expect(runtime.r).toBe(runtime.routingRuleProvider);
    expect(runtime.w).toBe(runtime.webhookProvider);
  });

  it("every shell method is a one-line require of the runtime, capturing nothing", () => {
    for (const shell of [routingRuleShell, webhookShell]) {
      for (const method of Object.values(shell)) {
        expect(String(method)).toMatch(/^\([a-z, ]*\) => require\("pulumi-cxone-routing\/runtime"\)\.[a-z]+(\.[a-z]+)?\([a-z, ]*\)$/);
      }
    }
  });
});
