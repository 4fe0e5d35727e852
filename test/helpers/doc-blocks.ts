import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The documentation's code blocks and links, for the tests that keep the docs true.
 *
 * Conventions (CONTRIBUTING.md, "Docs that run"): the line before a fenced block may hold one marker.
 * - `<!-- runnable -->` before a ```sh block: the docs test runs it verbatim with bash.
 * - `<!-- not-run: <why> -->` before a ```sh block: not run, and the why says what it needs
 *   (a real tenant, a clone beside the project, ...). Every ```sh block carries one of the two.
 * - `<!-- file: <path> -->` before any block: its text is written to <path> in the page's folder
 *   before the page's runnable blocks run (a program, a Pulumi.yaml, ...).
 */
export interface DocBlock {
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly marker:
    | { readonly kind: "runnable" }
    | { readonly kind: "not-run"; readonly why: string }
    | { readonly kind: "file"; readonly path: string }
    | undefined;
}

const repo = path.resolve(__dirname, "../..");

/** README.md, CONTRIBUTING.md and every docs/**.md, relative to the repository. */
export function docFiles(): string[] {
  const files = ["README.md", "CONTRIBUTING.md"];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repo, dir)).sort()) {
      const rel = path.join(dir, entry);
      if (statSync(path.join(repo, rel)).isDirectory()) walk(rel);
      else if (entry.endsWith(".md")) files.push(rel);
    }
  };
  walk("docs");
  return files;
}

export function readDoc(doc: string): string {
  return readFileSync(path.join(repo, doc), "utf8");
}

function markerOf(line: string | undefined): DocBlock["marker"] {
  const match = /^<!--\s*(runnable|not-run|file)\s*(?::\s*(.*?))?\s*-->$/.exec((line ?? "").trim());
  if (!match) return undefined;
  if (match[1] === "runnable") return { kind: "runnable" };
  if (match[1] === "not-run") return { kind: "not-run", why: match[2] ?? "" };
  return { kind: "file", path: match[2] ?? "" };
}

/** Every fenced block of a document, with the marker on the line before it. */
export function docBlocks(doc: string): DocBlock[] {
  const lines = readDoc(doc).split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+)(\S*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.trim().startsWith(fence)) end++;
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === "") before--;
    blocks.push({ doc, line: i + 1, lang: open[3] ?? "", code: lines.slice(i + 1, end).join("\n"), marker: markerOf(lines[before]) });
    i = end;
  }
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes; repeats get -1, -2. */
export function headingAnchors(doc: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of readDoc(doc).split("\n")) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const base = heading[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const id of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id[1]!);
  }
  return anchors;
}

export interface DocLink {
  readonly doc: string;
  readonly line: number;
  readonly target: string;
}

/** Every relative link and anchor (`[text](target)`), outside code blocks and inline code. */
export function relativeLinks(doc: string): DocLink[] {
  const links: DocLink[] = [];
  let inFence = false;
  readDoc(doc)
    .split("\n")
    .forEach((line, index) => {
      if (/^\s*```/.test(line)) inFence = !inFence;
      if (inFence) return;
      const text = line.replace(/`[^`]*`/g, "");
      for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        links.push({ doc, line: index + 1, target });
      }
    });
  return links;
}

export { repo as docsRepoRoot };
