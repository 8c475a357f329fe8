/**
 * One chromium for many measurements (tests/browser.py): reads a JSON list of tasks on stdin,
 * runs each in turn in one tab of one browser and writes a JSON list of results.
 *
 * A task: {url, width, height, media, javascript, large_print, keys, script, tabs, pdf}.
 * - large_print ticks the page's own "Large print" switch (its label, as a reader would).
 * - script is the body of an async function run in the page; its value is the result.
 * - keys: keys pressed one after another (such as ["Tab", "Enter"]) before script runs.
 * - tabs: press Tab that many times; after each press, script runs and its values are collected.
 * - pdf: print the page to this file as chromium prints it (paper size from the page's CSS).
 */
const puppeteer = require("puppeteer");

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function run(page, task) {
  await page.setJavaScriptEnabled(task.javascript !== false);
  await page.setViewport({width: task.width || 1280, height: task.height || 900});
  await page.goto(task.url, {waitUntil: "load"});
  /* A PDF is printed with print styles, as a reader's "Print" does. */
  await page.emulateMediaType(task.pdf ? "print" : task.media || "screen");
  if (task.large_print) {
    await page.evaluate(() => document.querySelector('label[for="ward-large-print"]').click());
  }
  for (const key of task.keys || []) {
    await page.keyboard.press(key);
  }
  const body = new Function("return (async () => {" + task.script + "})();");
  if (task.pdf) {
    /* As a reader presses Print: once the page has settled (the theme's script wraps tables and the
     * page script marks links and pictures after load). */
    await page.evaluate(() => document.fonts.ready);
    await new Promise(resolve => setTimeout(resolve, 1000));
    await page.pdf({path: task.pdf, preferCSSPageSize: true});
  }
  if (!task.tabs) return await page.evaluate(body);
  const seen = [];
  for (let i = 0; i < task.tabs; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(body));
  }
  return seen;
}

(async () => {
  const tasks = await readStdin();
  const browser = await puppeteer.launch({args: ["--no-sandbox", "--disable-gpu"]});
  try {
    const page = await browser.newPage();
    /* One tab for every task, so nothing saved (the "Large print" choice) carries from one task to the next. */
    await page.evaluateOnNewDocument(() => { try { window.localStorage.clear(); } catch (e) { /* file: pages */ } });
    const results = [];
    for (const task of tasks) {
      try {
        results.push({ok: true, value: await run(page, task)});
      } catch (error) {
        results.push({ok: false, error: String(error && error.stack || error)});
      }
    }
    process.stdout.write(JSON.stringify(results));
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error); process.exit(1); });
