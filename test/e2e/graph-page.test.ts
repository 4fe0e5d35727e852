import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../tools/engine";
import { launchChromium } from "../helpers/chromium";
import { decodePng, inkIn } from "../helpers/png-pixels";
import { runCommand } from "../helpers/run-command";

/**
 * The graph's HTML page as a person sees it: written by the real `cxone-routing graph` bin, opened
 * in Debian's headless Chromium (driven over the DevTools protocol by puppeteer-core, which
 * brings no browser of its own), screenshotted, searched. Every request the page makes is
 * recorded: it must make none but its own file.
 *
 * UPDATE_SCREENSHOTS=1 also writes the screenshots to docs/images/ (committed, shown by docs/graph.md).
 */
const root = packageRoot();
const bin = path.join(root, "bin", "cxone-routing.js");
const DEV = "docs/examples/routing-infra-dev.rules.json";
const WEIGHTS = "docs/examples/routing-infra-dev-vip-weights.rules.json";
const TESTS = "examples/routing-infra/routing.routing-test.json";

describe("the routing graph's HTML page in headless Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(path.join(tmpdir(), "graph-page-"));

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function write(name: string, ...args: string[]): Promise<string> {
    const out = path.join(dir, name);
    const result = await runCommand("node", [bin, "graph", ...args, "--out", out], root);
    expect(result.printed).toContain(`wrote ${out}`);
    expect(result.code).toBe(0);
    return out;
  }

  async function open(file: string) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    const requests: string[] = [];
    page.on("request", (request) => {
      requests.push(request.url());
    });
    await page.goto(`file://${file}`, { waitUntil: "load" });
    return { page, requests };
  }

  async function screenshot(page: Awaited<ReturnType<typeof open>>["page"], name: string) {
    const png = Buffer.from(await page.screenshot({ type: "png" }));
    if (process.env.UPDATE_SCREENSHOTS === "1") writeFileSync(path.join(root, "docs", "images", name), png);
    return decodePng(png);
  }

  it("shows dev's rule set, and the search box lights a rule and its chain", async () => {
    const file = await write("dev.html", "--rules", DEV, "--tests", TESTS, "--title", "examples/routing-infra: dev's rule set");
    const { page, requests } = await open(file);

    const before = await screenshot(page, "graph-dev.png");
    // Not blank: the graph's area has drawing in it and many colours (text, boxes, edges).
    const graphBox = (await (await page.$("#graph"))!.boundingBox())!;
    const region = {
      x: Math.round(graphBox.x),
      y: Math.round(graphBox.y),
      width: Math.round(Math.min(graphBox.width, 1400 - graphBox.x)),
      height: Math.round(Math.min(graphBox.height, 1000 - graphBox.y)),
    };
    const ink = inkIn(before, region);
    expect(ink.inkShare).toBeGreaterThan(0.03);
    expect(ink.colours).toBeGreaterThan(20);
    expect(await page.$$eval("#graph g.node.rule", (nodes) => nodes.length)).toBe(6);

    await page.type("#search", "voice-vip");
    const lit = await page.$$eval("#graph g.node.hl", (nodes) => nodes.map((n) => n.querySelector("text")?.textContent ?? ""));
    expect(lit.sort()).toEqual(
      [
        "General Voice Routing",
        "Long Wait Overflow",
        "VIP Customer Priority Routing",
        "queue q-dev-general",
        "queue q-dev-overflow",
        "queue q-dev-vip-01",
        "queue q-dev-vip-02",
      ].sort(),
    );
    expect(await page.$eval("#status", (s) => s.textContent)).toBe(
      "voice-vip: chain voice-vip -> voice-overflow -> voice-general (7 nodes lit)",
    );
    expect(await page.$eval("#graph svg", (s) => s.classList.contains("dim"))).toBe(true);
    // What a person sees: a rule off the chain (Chat Spanish Speakers) fades, the searched rule does not.
    const after = await screenshot(page, "graph-dev-search.png");
    const boxOf = async (id: string) => {
      const b = (await (await page.$(`#${id}`))!.boundingBox())!;
      return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
    };
    const off = await boxOf("r4");
    const on = await boxOf("r0");
    const dark = (pixels: typeof before, box: typeof off) => inkIn(pixels, box, 160).inkShare;
    expect(dark(before, off)).toBeGreaterThan(0.02);
    expect(dark(after, off)).toBeLessThan(dark(before, off) / 4);
    expect(dark(after, on)).toBeGreaterThanOrEqual(dark(before, on));

    expect(requests).toEqual([`file://${file}`]);
    await page.close();
  });

  it("shows a weight change: the changed rule and edges, the interactions that move, nothing loaded", async () => {
    const file = await write(
      "weights.html",
      "--rules",
      WEIGHTS,
      "--against-rules",
      DEV,
      "--tests",
      TESTS,
      "--title",
      "voice-vip weights 70/30 -> 50/50",
    );
    const { page, requests } = await open(file);
    const shot = await screenshot(page, "graph-weight-change.png");
    expect(inkIn(shot).colours).toBeGreaterThan(20);
    expect(await page.$$eval("#graph g.node.changed text", (t) => t.map((x) => x.textContent))).toContain("VIP Customer Priority Routing");
    expect(await page.$$eval("#graph g.edge.changed text", (t) => t.map((x) => x.textContent).sort())).toEqual([
      "50% cap 30 (was 30% cap 30)",
      "50% cap 50 (was 70% cap 50)",
    ]);
    expect(await page.$eval("#moves", (t) => t.textContent)).toContain("VIP Customer Priority Routing (targets changed)");
    // The changed rule's box is drawn in the "changed" yellow (#fff8c5) somewhere on screen.
    let yellow = 0;
    for (let i = 0; i < shot.rgba.length; i += 4)
      if (shot.rgba[i] === 0xff && shot.rgba[i + 1] === 0xf8 && shot.rgba[i + 2] === 0xc5) yellow++;
    expect(yellow).toBeGreaterThan(1000);
    expect(requests).toEqual([`file://${file}`]);
    await page.close();
  });
});
