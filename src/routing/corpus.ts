import { readFileSync } from "node:fs";
import { CxoneRoutingError } from "../errors";
import type { Interaction } from "./routing-evaluator";

/** A sample interaction and where it came from (`corpus line 17`). */
export interface CorpusInteraction extends Interaction {
  readonly source: string;
}

/** The corpus file cannot be read or parsed. */
export class CorpusError extends CxoneRoutingError {
  readonly code = "impact_corpus_invalid";
  readonly __pulumiRunError = true;
}

/**
 * A corpus of traffic shapes: JSON lines (`{"interactionType":"voice","attributes":{...}}` per
 * line) or CSV (a header row with an `interactionType` column; every other column is an attribute,
 * an empty cell is a missing attribute, values stay strings as IVRs send them). Blank lines and
 * lines starting with `#` are skipped.
 */
export function parseCorpus(text: string, format: "jsonl" | "csv", name = "corpus"): CorpusInteraction[] {
  const lines = text.split(/\r?\n/);
  const out: CorpusInteraction[] = [];
  if (format === "jsonl") {
    lines.forEach((line, index) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const where = `${name} line ${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new CorpusError(`${where}: not JSON (${(error as Error).message})`);
      }
      const v = value as { interactionType?: unknown; attributes?: unknown };
      if (
        typeof v?.interactionType !== "string" ||
        (v.attributes !== undefined && (typeof v.attributes !== "object" || v.attributes === null))
      ) {
        throw new CorpusError(`${where}: expected {"interactionType": string, "attributes": object}`);
      }
      out.push({ interactionType: v.interactionType, attributes: (v.attributes ?? {}) as Record<string, unknown>, source: where });
    });
    return out;
  }
  let header: string[] | undefined;
  lines.forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const cells = splitCsvLine(line);
    if (!header) {
      header = cells.map((c) => c.trim());
      if (!header.includes("interactionType"))
        throw new CorpusError(`${name} line ${index + 1}: the CSV header has no interactionType column`);
      return;
    }
    const attributes: Record<string, unknown> = {};
    let interactionType = "";
    header.forEach((column, i) => {
      const cell = cells[i] ?? "";
      if (column === "interactionType") interactionType = cell.trim();
      else if (cell !== "") attributes[column] = cell;
    });
    out.push({ interactionType, attributes, source: `${name} line ${index + 1}` });
  });
  return out;
}

/** One CSV record on one line; double quotes quote a cell, "" escapes a quote. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a corpus file; `.csv` is CSV, anything else JSON lines. */
export function readCorpus(file: string): CorpusInteraction[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CorpusError(`cxone:impactCorpus: cannot read ${file} (${(error as Error).message})`);
  }
  return parseCorpus(text, file.toLowerCase().endsWith(".csv") ? "csv" : "jsonl", file.split(/[\\/]/).pop());
}
