// Opens pages of a running Loxodon in Debian's headless Chromium (driven by playwright-core,
// which never downloads a browser of its own) and reports, per page, every request the page
// made, what its elements with an id say, whether each image loaded, Content-Security-Policy
// complaints, and a full-page screenshot:
//
//   node page_check.mjs BASE_URL OUT_DIR PATH...
//
// stdout: one JSON object {"pages": [{path, status, requests, texts, images, console,
// screenshot}]}. Exit 1 when the browser cannot start or a page cannot be opened.
import { chromium } from "playwright-core";
import path from "node:path";

const [base, outDir, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // As root, Chromium's sandbox cannot start; the background-networking flags keep Chromium
  // from calling Google's services (this machine's network refuses them anyway).
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const pages = [];
try {
  for (const [index, p] of paths.entries()) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const requests = [];
    const consoleLines = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    const response = await page.goto(base + p, { waitUntil: "networkidle" });
    const texts = await page.evaluate(() => {
      const out = {};
      for (const el of document.querySelectorAll("[id]")) out[el.id] = el.textContent.trim();
      return out;
    });
    const images = await page.evaluate(() =>
      [...document.images].map((img) => ({ src: img.getAttribute("src"), loaded: img.complete && img.naturalWidth > 0 })));
    const screenshot = path.join(outDir, `page-${index}.png`);
    // A full-page screenshot of a standalone SVG document never finishes in Chromium: such
    // documents get the viewport.
    const html = await page.evaluate(() => document.contentType === "text/html");
    await page.screenshot({ path: screenshot, fullPage: html });
    pages.push({ path: p, status: response.status(), requests, texts, images, console: consoleLines, screenshot });
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify({ pages }) + "\n");
