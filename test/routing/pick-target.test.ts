import { describe, expect, it } from "vitest";
import { pickTarget } from "../../src/routing";
import { rule } from "./fixtures";

describe("pickTarget", () => {
  it("splits the unit interval by weight, in listed order, skipping zero weights", () => {
    const r = rule("a", {
      targets: [
        { type: "queue", id: "q0", weight: 0 },
        { type: "queue", id: "q1", weight: 70 },
        { type: "skill", id: "s2", weight: 30 },
      ],
    });
    expect(pickTarget(r, 0)?.id).toBe("q1");
    expect(pickTarget(r, 0.69)?.id).toBe("q1");
    expect(pickTarget(r, 0.7)?.id).toBe("s2");
    expect(pickTarget(r, 0.999)?.id).toBe("s2");
    expect(pickTarget(rule("b", { targets: [] }), 0.5)).toBeUndefined();
  });
});
