import { describe, expect, it } from "vitest";
import { formatRoutingTestFailure, runRoutingTests } from "../../src/routing";
import { rule } from "./fixtures";

describe("runRoutingTests: one block per failing case, with the expected rule's first unmatched condition", () => {
  const rules = [
    rule("voice-vip", {
      name: "VIP",
      priority: 10,
      conditions: [
        { field: "customerSegment", operator: "equals", value: "vip" },
        { field: "callDuration", operator: "lessThan", value: 60 },
      ],
    }),
    rule("voice-general", { name: "General", priority: 100 }),
  ];

  it("passes cases that route as expected (by key, name, queue or no rule)", () => {
    const failures = runRoutingTests(rules, [
      {
        name: "a",
        interaction: { interactionType: "voice", attributes: { customerSegment: "vip", callDuration: 30 } },
        expect: { rule: "voice-vip" },
      },
      { name: "b", interaction: { interactionType: "voice", attributes: {} }, expect: { rule: "General" } },
      { name: "c", interaction: { interactionType: "voice", attributes: {} }, expect: { queue: "q-voice-general" } },
      { name: "d", interaction: { interactionType: "chat", attributes: {} }, expect: { noRule: true } },
    ]);
    expect(failures).toEqual([]);
  });

  it("names the case, the rule hit, the rule expected and the condition that did not match", () => {
    const [failure] = runRoutingTests(rules, [
      {
        name: "VIP after 90 s",
        interaction: { interactionType: "voice", attributes: { customerSegment: "vip", callDuration: 90 } },
        expect: { rule: "voice-vip" },
      },
    ]);
    expect(formatRoutingTestFailure(failure!)).toBe(
      [
        'routing test "VIP after 90 s" failed',
        '  interaction: voice {"customerSegment":"vip","callDuration":90}',
        '  routed to:   rule "voice-general" (General, priority 100)',
        '  expected:    rule "voice-vip" (VIP, priority 10)',
        "  why:         condition callDuration lessThan 60 did not match: the interaction has callDuration = 90",
      ].join("\n"),
    );
  });

  it("explains an expected queue held by a later rule that an earlier one beats", () => {
    const [failure] = runRoutingTests(rules, [
      {
        name: "q",
        interaction: { interactionType: "voice", attributes: { customerSegment: "vip", callDuration: 1 } },
        expect: { queue: "q-voice-general" },
      },
    ]);
    expect(failure!.expected?.key).toBe("voice-general");
    expect(failure!.reason).toContain("is evaluated first and matches too");
  });

  it("says when no rule has the expected name", () => {
    const [failure] = runRoutingTests(rules, [
      { name: "x", interaction: { interactionType: "voice", attributes: {} }, expect: { rule: "voice-gold" } },
    ]);
    expect(failure!.reason).toBe("no rule of the program has that key or name");
  });
});
