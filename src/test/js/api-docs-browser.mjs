// The API reference in a real browser: Debian's Chromium, headless, driven by playwright-core.
//
//   GALLEY_BASE_URL=http://localhost:8080 node api-docs-browser.mjs
//
// Opens <base>/api/docs, waits for Swagger UI to render the live document, opens "List published articles"
// (GET /api/articles, tag Articles), clicks "Try it out", sets lang=en and size=3, clicks "Execute", and
// waits for the live answer: 200 with a JSON page whose items are shown. Any Content-Security-Policy
// violation or script error on the page fails the test too. Saves a screenshot and prints its path.
//
// Environment: GALLEY_BASE_URL (required), GALLEY_SCREENSHOT (default ../api-docs/swagger-ui.png next to this
// script's folder, i.e. target/api-docs/ when run from target/js), GALLEY_CHROMIUM (default /usr/bin/chromium).
// Exits 0 when everything was seen, 1 with a message saying what was not.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const base = (process.env.GALLEY_BASE_URL ?? '').replace(/\/+$/, '');
const screenshot = resolve(process.env.GALLEY_SCREENSHOT ?? resolve(here, '..', 'api-docs', 'swagger-ui.png'));
const executablePath = process.env.GALLEY_CHROMIUM ?? '/usr/bin/chromium';
const STEP_TIMEOUT = 60_000;

function fail(message) {
  console.error(`api-docs browser test FAILED: ${message}`);
  process.exit(1);
}

/** A failure seen while the browser is open: thrown, so that the browser is closed before exiting. */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

if (!base) fail('GALLEY_BASE_URL is not set (the Galley to test, e.g. http://localhost:8080)');
if (!existsSync(executablePath)) {
  fail(`${executablePath} is missing: run ./test.sh, which installs Debian's chromium package (apt-get install chromium)`);
}

const problems = [];
let browser;
let page;
let step = 'launching Chromium';
const watchdog = setTimeout(() => fail(`timed out after 180 s while ${step}`), 180_000);
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // Playwright gives each launch a fresh, empty profile (user data directory) of its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('console', (message) => {
    const text = message.text();
    if (/Content.Security.Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    else if (message.type() === 'error') problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));

  step = `opening ${base}/api/docs`;
  const answer = await page.goto(`${base}/api/docs`, { waitUntil: 'load' });
  check(answer && answer.status() === 200, `${base}/api/docs answered ${answer?.status()}`);

  step = 'waiting for Swagger UI to render the document (title "Galley")';
  await page.locator('.swagger-ui .information-container .title').filter({ hasText: 'Galley' }).waitFor();

  step = 'finding the tag Articles and its operation GET /api/articles (listArticles)';
  const tag = page.locator('#operations-tag-Articles');
  await tag.waitFor();
  const operation = page.locator('#operations-Articles-listArticles');
  await operation.waitFor();
  const summary = operation.locator('.opblock-summary');
  const method = (await summary.locator('.opblock-summary-method').innerText()).trim();
  const path = (await summary.locator('.opblock-summary-path').innerText()).replace(/\u200b/g, '').trim();
  check(method === 'GET' && path === '/api/articles', `listArticles shows "${method} ${path}", not "GET /api/articles"`);

  step = 'expanding GET /api/articles';
  await operation.locator('.opblock-summary-control').click();
  await operation.locator('.opblock-body').waitFor();

  step = 'clicking "Try it out"';
  await operation.locator('button.try-out__btn').click();

  step = 'setting lang=en and size=3, and clearing the examples Swagger UI filled into the other fields';
  const wanted = { lang: 'en', size: '3' };
  const rows = operation.locator('tr[data-param-name]');
  for (let i = 0; i < await rows.count(); i++) {
    const row = rows.nth(i);
    const name = await row.getAttribute('data-param-name');
    const input = row.locator('input');
    if (await input.count() > 0) await input.first().fill(wanted[name] ?? '');
  }

  step = 'clicking "Execute" and waiting for GET /api/articles';
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/articles' && r.request().method() === 'GET'),
    operation.locator('button.execute').click(),
  ]);
  const requested = new URL(response.url());
  check(requested.origin === new URL(base).origin,
    `"Try it out" called ${requested.origin}, not the page's origin ${new URL(base).origin} (the document's servers?)`);
  check(requested.searchParams.get('lang') === 'en' && requested.searchParams.get('size') === '3'
      && !requested.searchParams.has('tag') && !requested.searchParams.has('author'),
    `"Try it out" sent ${requested.search}, not lang=en and size=3 alone`);
  check(response.status() === 200, `GET ${requested.pathname}${requested.search} answered ${response.status()}`);
  const page1 = await response.json();
  check(Array.isArray(page1.items) && page1.items.length > 0, `the answer has no items: ${JSON.stringify(page1).slice(0, 300)}`);

  step = 'waiting for the live response (status 200 and the items) in the page';
  const live = operation.locator('.live-responses-table .response');
  await live.locator('.response-col_status').filter({ hasText: '200' }).waitFor();
  const shown = await live.locator('.response-col_description .highlight-code').innerText();
  const firstTitle = page1.items[0].title;
  check(shown.includes('"items"') && shown.includes(firstTitle),
    `the page does not show the answer's items (looked for "items" and "${firstTitle}"): ${shown.slice(0, 300)}`);

  step = 'taking the screenshot';
  // From the top of the page (the document's title, the tag Articles) down to the live response: the request
  // URL, the status and the body, not the long list of documented responses below it.
  const bottom = await live.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(bottom) + 16 } });

  check(problems.length === 0, `the page reported problems`);
  console.log(`api-docs browser test: ${base}/api/docs rendered the document; GET /api/articles?lang=en&size=3 run from the page `
    + `answered 200 with ${page1.items.length} of ${page1.total} items, shown in the page ("${firstTitle}", ...)`);
  console.log(`Screenshot: ${screenshot}`);
} catch (error) {
  if (page) {
    const failed = screenshot.replace(/\.png$/, '-failure.png');
    try {
      mkdirSync(dirname(failed), { recursive: true });
      await page.screenshot({ path: failed, fullPage: false });
      console.error(`Screenshot of the failure: ${failed}`);
    } catch { /* the page may be gone */ }
  }
  const seen = problems.length > 0 ? `\npage problems:\n  ${problems.join('\n  ')}` : '';
  console.error(`api-docs browser test FAILED while ${step}: ${error.message}${seen}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  if (browser) await browser.close();
}
