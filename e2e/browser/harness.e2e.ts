/**
 * The harness's screenshot helper in real Chromium: a capture that times out (as a stalled
 * compositor's does on a loaded CI machine) is taken again in a fresh tab, the PNG is written,
 * the retry is said aloud, and the test's own tab is left as it was.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { errors } from 'playwright-core';
import { join } from 'node:path';
import { launch, RESULTS, screenshot, type Browser } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

it('takes a screenshot again in a fresh tab when the first capture times out', async () => {
  const { page, context } = browser;
  await page.goto('data:text/html,<title>stalled</title><h1>政策阅读器</h1>');
  const real = page.screenshot.bind(page);
  let stalled = 0;
  page.screenshot = (async () => {
    stalled++;
    throw new errors.TimeoutError('page.screenshot: Timeout 15000ms exceeded.');
  }) as typeof page.screenshot;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const path = await screenshot(page, 'harness-retry');
    expect(stalled).toBe(1);
    // A PNG's signature, written by the fresh tab.
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/harness-retry.*fresh tab/);
    expect(context.pages()).toEqual([page]);
    // A tab that stalled once is not waited on again.
    await screenshot(page, 'harness-retry');
    expect(stalled).toBe(1);
    expect(warn).toHaveBeenCalledTimes(2);
    rmSync(path);
  } finally {
    warn.mockRestore();
    page.screenshot = real;
  }
});

it('fails with any other error than a timeout, as before', async () => {
  // A tab of its own: the first test's tab is marked stalled.
  const page = await browser.context.newPage();
  const path = join(RESULTS, 'harness-closed.png');
  rmSync(path, { force: true });
  page.screenshot = (async () => {
    throw new Error('Target page, context or browser has been closed');
  }) as typeof page.screenshot;
  try {
    await expect(screenshot(page, 'harness-closed')).rejects.toThrow(/has been closed/);
    expect(existsSync(path)).toBe(false);
  } finally {
    await page.close();
  }
});
