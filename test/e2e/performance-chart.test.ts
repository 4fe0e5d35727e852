import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_NAME } from "../../bench/engine-report";
import { packageRoot } from "../../tools/engine";
import { launchChromium } from "../helpers/chromium";
import { decodePng } from "../helpers/png-pixels";

/** Pixels within `tolerance` of an RGB colour. */
function countColour(pixels: ReturnType<typeof decodePng>, [r, g, b]: [number, number, number], tolerance = 12): number {
  let count = 0;
  for (let i = 0; i < pixels.rgba.length; i += 4) {
    if (
      Math.abs(pixels.rgba[i]! - r) <= tolerance &&
      Math.abs(pixels.rgba[i + 1]! - g) <= tolerance &&
      Math.abs(pixels.rgba[i + 2]! - b) <= tolerance
    )
      count++;
  }
  return count;
}

/**
 * The performance page's chart (docs/images/engine-benchmark.svg) as a reader sees it: opened in
 * Debian's headless Chromium, screenshotted, looked at. Each phase's panel must show bars of both
 * colours (ours and the bare resource) and its title; the axis titles and the legend must be there,
 * and below each panel the line of ours / bare.
 */
describe("the engine benchmark chart in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a panel per phase with ours and bare side by side, titled and labelled", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 500 });
    await page.goto(`file://${path.join(packageRoot(), "docs", "images", CHART_NAME)}`, { waitUntil: "load" });
    const texts = await page.$$eval("text", (nodes) => nodes.map((node) => node.textContent ?? ""));
    for (const title of [
      "preview",
      "up",
      "no-op preview",
      "refresh",
      "destroy",
      "rules",
      "seconds (median)",
      "ours (RoutingRule)",
      "bare dynamic resource",
    ]) {
      expect(texts).toContain(title);
    }
    // Each panel: the bars of ours (blue) and bare (grey), found where the panel is drawn.
    const panels = await page.$$eval("g.mark-rect.role-mark", (groups) =>
      groups.map((group) => {
        const box = group.getBoundingClientRect();
        return { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
      }),
    );
    expect(panels).toHaveLength(5);
    for (const panel of panels) {
      expect(panel.width).toBeGreaterThan(20);
      const shot = decodePng(Buffer.from(await page.screenshot({ clip: panel, encoding: "binary" })));
      expect(countColour(shot, [0x1f, 0x6f, 0xeb]), `blue bars (ours) in the panel at x=${panel.x}`).toBeGreaterThan(30);
      expect(countColour(shot, [0x9a, 0xa5, 0xb1]), `grey bars (bare) in the panel at x=${panel.x}`).toBeGreaterThan(30);
    }
    // Below the bars, a ratio line per phase.
    expect(await page.$$eval("g.mark-line.role-mark", (groups) => groups.length)).toBe(5);
    await page.close();
  });
});
