import { describe, expect, it } from "vitest";
import { CorpusError, parseCorpus } from "../../src/routing";

describe("parseCorpus", () => {
  it("reads JSON lines, skipping blank and # lines", () => {
    const text = '# traffic\n{"interactionType":"voice","attributes":{"a":1}}\n\n{"interactionType":"chat"}\n';
    expect(parseCorpus(text, "jsonl", "t.jsonl")).toEqual([
      { interactionType: "voice", attributes: { a: 1 }, source: "t.jsonl line 2" },
      { interactionType: "chat", attributes: {}, source: "t.jsonl line 4" },
    ]);
  });

  it("reads CSV: interactionType column, other columns as string attributes, empty cells missing, quotes", () => {
    const text = 'interactionType,segment,note\nvoice,vip,"a, ""b"""\nchat,,x\n';
    expect(parseCorpus(text, "csv", "t.csv")).toEqual([
      { interactionType: "voice", attributes: { segment: "vip", note: 'a, "b"' }, source: "t.csv line 2" },
      { interactionType: "chat", attributes: { note: "x" }, source: "t.csv line 3" },
    ]);
  });

  it("names the bad line", () => {
    expect(() => parseCorpus('{"interactionType":"voice"}\nnot json\n', "jsonl", "t.jsonl")).toThrow(CorpusError);
    expect(() => parseCorpus('{"interactionType":"voice"}\nnot json\n', "jsonl", "t.jsonl")).toThrow(/t.jsonl line 2: not JSON/);
  });
});
