import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

/**
 * Issue 12: the request inspector at the control API's `/`, in a real headless Chromium (Debian's; never a downloaded
 * browser): a real request's trace is listed live and shown with its function's event, result and logs.
 */
const CHROMIUM = '/usr/bin/chromium';
let origin: TestOrigin;
let edge: TestEdge;
let browser: Browser;

beforeAll(async () => {
  origin = await startOrigin((_req, res) => {
    res.writeHead(200, { 'cache-control': 'max-age=60' });
    res.end('from the origin');
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: { tag: `export const handler = async (event) => { const r = event.Records[0].cf.request; console.log('tagging', r.uri); r.headers['x-tag'] = [{ key: 'X-Tag', value: 'inspected' }]; return r; };` },
    defaultBehavior: { lambdas: { 'viewer-request': arn('tag') } },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await edge?.close();
  await origin?.close();
});

describe('issue 12: the request inspector', () => {
  it('is installed (CI installs Debian\'s chromium)', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('lists a real request live and shows its trace: route, the function\'s event and result diff, logs, cache, origin', async () => {
    const page = await browser.newPage();
    await page.goto(edge.controlUrl);
    await page.waitForSelector('body[data-live]');
    // The request happens after the page is open: it must arrive through the live stream.
    await (await edge.get('/inspect-me?x=1')).text();
    const row = page.locator('tr.row', { hasText: '/inspect-me?x=1' });
    await row.waitFor({ timeout: 10_000 });
    await expect(row.innerText()).resolves.toMatch(/GET\s+\/inspect-me\?x=1\s+200\s+Miss/);
    await row.click();
    const detail = page.locator('#detail');
    await detail.getByText('viewer-request: tag').waitFor();
    const text = await detail.innerText();
    expect(text).toContain('event given');
    expect(text).toMatch(/\+\s+"x-tag"/);
    expect(text).toContain('tagging /inspect-me');
    expect(text).toMatch(/stored for \d+ s/);
    expect(text).toContain('answered 200');
    const screenshot = await page.screenshot({ path: join(edge.dir, 'inspector.png') });
    expect(screenshot.length).toBeGreaterThan(10_000);
    await page.close();
  }, 30_000);

  it('filters by path, status and X-Cache', async () => {
    await (await edge.get('/filter-a')).text();
    await (await edge.get('/filter-a')).text();
    const page = await browser.newPage();
    await page.goto(edge.controlUrl);
    await page.locator('tr.row', { hasText: '/filter-a' }).first().waitFor();
    await page.fill('#path', '/filter-a');
    await page.selectOption('#xcache', 'Hit');
    await expect(page.locator('tr.row').count()).resolves.toBe(1);
    await page.close();
  }, 30_000);
});
