import { existsSync } from "node:fs";
import { type Browser, launch } from "puppeteer-core";

/** Where Debian's `chromium` package puts the browser (CHROMIUM_PATH overrides). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  // Said, never skipped: a picture test that quietly passes without a browser checks nothing.
  throw new Error(
    "headless Chromium is needed to look at the routing graph's HTML page, and none was found " +
      `(looked at ${candidates.join(", ")}). Install Debian's package: apt-get update && apt-get install -y chromium ` +
      "(or set CHROMIUM_PATH to a Chromium binary). .ci/run installs it on CI.",
  );
}

/** Debian's Chromium, headless, as the picture tests look at pages. */
export function launchChromium(): Promise<Browser> {
  return launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in CI containers: Chromium's sandbox needs user namespaces it may not have.
    args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
  });
}
