import { describe, expect, it } from "vitest";
import { adoptionReport } from "../../src/kinds/adoption-report";
import { webhookKind } from "../../src/kinds/webhook-kind";

describe("adoption report: what taking an object over changes, without secrets", () => {
  const server = {
    name: "Sync",
    enabled: true,
    targetURL: "https://hooks.example.com/a?token=OLDTOKEN123",
    eventFilter: ["routing.rule.created"],
    format: "json",
  };
  const program = { ...server, targetURL: "https://user:NEWPASS99@hooks.example.com/b?sig=NEWSIG456" };

  it("names a changed URL without its credentials", () => {
    const report = adoptionReport(webhookKind, "sync", "w-1", server, program);
    expect(report).toContain("targetURL:");
    expect(report).toContain("hooks.example.com/a");
    for (const secret of ["OLDTOKEN123", "NEWPASS99", "NEWSIG456"]) expect(report).not.toContain(secret);
  });

  it("names a field the program marked secret, and shows neither value", () => {
    const report = adoptionReport(
      webhookKind,
      "sync",
      "w-1",
      { ...server, name: "Old Secret Name" },
      { ...program, name: "New Secret Name" },
      ["name"],
    );
    expect(report).toContain("name: [secret] => [secret]");
    expect(report).not.toContain("Secret Name");
  });
});
