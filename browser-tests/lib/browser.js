'use strict';
// Debian's headless Chromium (/usr/bin/chromium) driven by playwright-core: no browser download.
// Each session gets a fresh profile (--user-data-dir). Screenshots of each step go to
// browser-tests/target/screenshots/, kept as test artifacts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SCREENSHOTS = path.resolve(__dirname, '..', 'target', 'screenshots');
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser with a fresh profile, logged in with HTTP Basic as `credentials` ({username, password}) if given. */
async function launch(credentials) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wopi-chromium-'));
  // Playwright passes the profile as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: ARGS,
    httpCredentials: credentials,
    viewport: { width: 1100, height: 700 },
  });
  return {
    context,
    page: context.pages()[0] || await context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

let step = 0;
/** Saves a screenshot named for the test file and the step, numbered in the order taken. */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  step += 1;
  const file = path.basename(process.argv[1] || 'test', '.test.js');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-${String(step).padStart(2, '0')}-${name}.png`) });
}

module.exports = { launch, screenshot };
