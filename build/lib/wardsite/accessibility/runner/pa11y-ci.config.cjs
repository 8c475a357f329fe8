/**
 * pa11y-ci settings for `wardsite a11y`. Run the check with `wardsite a11y`, not by hand:
 * the Python wrapper serves the built site, lists its pages and writes the page list to the
 * JSON file named by WARDSITE_A11Y_RUN, which this file reads.
 *
 * - Two runners: HTML_CodeSniffer ("htmlcs") at WCAG2AA, and axe-core at WCAG 2.2 AA
 *   ("axe-wcag22", see runner-axe-wcag22/index.js for why pa11y's own axe runner is not enough).
 * - The browser is Debian's chromium. Nothing downloads a browser (see .puppeteerrc.cjs).
 * - Rules that are not applied come in the run file (`ignore`): `wardsite a11y` reads them, with their
 *   reasons, from the site's accessibility/ignored-rules.json and lists them in its report.
 */
"use strict";

const fs = require("fs");


const runFile = process.env.WARDSITE_A11Y_RUN;
if (!runFile) {
  throw new Error("WARDSITE_A11Y_RUN is not set: run the check with `wardsite a11y`.");
}
const run = JSON.parse(fs.readFileSync(runFile, "utf8"));
const ignored = run.ignore || [];

module.exports = {
  defaults: {
    standard: "WCAG2AA",
    runners: ["htmlcs", "axe-wcag22"],
    ignore: ignored,
    // The wrapper reads --json output only; the default "cli" reporter would mix text into it.
    reporters: [],
    concurrency: run.concurrency,
    timeout: run.pageTimeoutMs,
    viewport: run.viewport,
    // One shared browser context instead of a fresh incognito one per page: with puppeteer 24
    // and Debian's chromium, closing incognito contexts while other pages run fails with
    // "Target.closeTarget: No target with given id found". The site is static, so pages
    // sharing cookies and storage changes nothing that is checked.
    useIncognitoBrowserContext: false,
    chromeLaunchConfig: {
      executablePath: run.chromium || "/usr/bin/chromium",
      args: [
        "--no-sandbox", // CI runs as root, where chromium's sandbox cannot start
        "--disable-gpu",
        "--disable-background-networking", // the network is closed: no update or safe-browsing calls
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  urls: run.urls,
};
