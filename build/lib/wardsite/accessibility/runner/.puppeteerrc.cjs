/**
 * Puppeteer must never download a browser: the accessibility check runs in Debian's chromium
 * (`apt-get install chromium`, installed by `make system-deps`). This file is found by
 * puppeteer's install script (it looks up the folder tree) and at run time (pa11y-ci runs here).
 */
module.exports = {
  skipDownload: true,
  executablePath: "/usr/bin/chromium",
};
