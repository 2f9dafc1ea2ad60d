/**
 * Browser harness for the e2e tests and the startup benchmark: Debian's
 * Chromium through playwright-core (no downloaded browsers), a fresh profile
 * per launch, the preview server on an ephemeral port.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, errors, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { LIBRARY_HEAD_FILE, libraryHead } from '../../core/corpus/library-head';
import type { DocSummary } from '../../core/corpus/types';
import { DEFAULT_CORPUS, ensureBuilt, REPO, startPreviewServer, type PreviewServer } from '../../scripts/preview-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = join(REPO, 'test-results');
export const FIXTURE_CORPUS = join(REPO, 'e2e', 'fixtures', 'corpus');

/** The real corpus when it has been built, else the fixture; POLICY_READER_CORPUS overrides. */
export function corpusDir(): string {
  if (process.env.POLICY_READER_CORPUS) return process.env.POLICY_READER_CORPUS;
  return existsSync(join(DEFAULT_CORPUS, 'library.json')) ? DEFAULT_CORPUS : FIXTURE_CORPUS;
}

export async function startServer(dir = corpusDir()): Promise<PreviewServer> {
  await ensureBuilt();
  return startPreviewServer({ corpusDir: dir });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, for the offline assertion. */
  requests: string[];
  close(): Promise<void>;
}

export async function launch(opts: { origin?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'policy-reader-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    colorScheme: opts.colorScheme ?? 'light',
  });
  if (opts.origin) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: opts.origin });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  // E2E_SLOW_LIBRARY_MS=1500 holds library.json back, as a loaded machine (CI) does at random:
  // every test must then wait for what it reads (waitForLibrary), not for the first screen.
  const slow = Number(process.env.E2E_SLOW_LIBRARY_MS ?? 0);
  if (slow > 0) await context.route('**/corpus/library.json', async (route) => {
    await new Promise((r) => setTimeout(r, slow));
    await route.continue();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot to look at. Chromium's capture waits for a compositor frame, and on a loaded CI
 * machine a tab's compositor has stalled for good while its page went on answering (CI, stop 36:
 * two 30 s timeouts in a row on one tab). A stalled capture is retried once in a fresh tab of the
 * same profile at the same address and size, and the retry is said aloud; a second failure fails
 * the test. A tab that stalled once is not waited on again: its later shots go to a fresh tab at once.
 */
const stalledTabs = new WeakSet<Page>();

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  try {
    if (stalledTabs.has(page)) throw new errors.TimeoutError('this tab stalled before');
    await page.screenshot({ path, timeout: 15_000 });
  } catch (e) {
    if (!(e instanceof errors.TimeoutError)) throw e;
    stalledTabs.add(page);
    console.warn(`screenshot ${name}: the tab produced no frame in 15 s; taken again in a fresh tab`);
    const fresh = await page.context().newPage();
    try {
      const size = page.viewportSize();
      if (size) await fresh.setViewportSize(size);
      await fresh.goto(page.url(), { waitUntil: 'load' });
      // The view's own data arrives after load; the shot is to be looked at, not asserted.
      await fresh.waitForTimeout(1_500);
      await fresh.screenshot({ path, timeout: 15_000 });
    } finally {
      await fresh.close();
      // The test goes on in its own tab: make it the one in front again.
      await page.bringToFront();
    }
  }
  return path;
}

/**
 * Presses Tab, as a keyboard user does, until `target` has the focus; false when it is not reached in `max`
 * presses (it is not in the Tab order).
 */
export async function tabTo(page: Page, target: Locator, max: number): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el: any) => el === el.ownerDocument.activeElement)) return true;
  }
  return false;
}

/**
 * The whole library is on the page: at least one row, and the list no longer
 * aria-busy. The first screen (library-head.json) shows 40 rows while the full
 * library.json is still loading; a test that counts rows must wait for the rest.
 */
export const LIBRARY_READY = '#doc-list:not([aria-busy]) [data-testid=doc-row]';

export async function waitForLibrary(page: Page): Promise<void> {
  await page.waitForSelector(LIBRARY_READY);
}

/** Uncaught page errors and console errors, collected for a final "no errors" assertion. */
export function collectPageErrors(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (e) => into.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && into.push(m.text()));
  return into;
}

/** The preview server on one corpus and a fresh Chromium, page errors collected: what every browser test file starts with. */
export interface Session {
  /** Replace it (session.server = …) when a test restarts the server, so close() stops the running one. */
  server: PreviewServer;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * `clipboard` grants clipboard access to the server's origin (copy tests).
 * `pageErrors` lets a file keep its own array, declared before the session exists.
 */
export async function openSession(dir = corpusDir(), opts: { clipboard?: boolean; pageErrors?: string[] } = {}): Promise<Session> {
  const server = await startServer(dir);
  let browser: Browser;
  try {
    browser = await launch(opts.clipboard ? { origin: server.url.replace(/\/$/, '') } : {});
  } catch (e) {
    await server.close();
    throw e;
  }
  const pageErrors = collectPageErrors(browser.page, opts.pageErrors);
  const session: Session = {
    server,
    browser,
    page: browser.page,
    pageErrors,
    close: async () => {
      await browser.close();
      // A test may have swapped the server (a rebuilt corpus on the same port): close the current one.
      await session.server.close();
    },
  };
  return session;
}

/** After a test rewrote a corpus's library.json: the first screen the build would write beside it. */
export function writeLibraryHead(dir: string): void {
  const library = JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')) as DocSummary[];
  writeFileSync(join(dir, LIBRARY_HEAD_FILE), JSON.stringify(libraryHead(library)) + '\n');
}

/** A copy of a built corpus's files (library, manifest, variants when present, docs) in a fresh temporary directory, for tests that rebuild part of it. */
export function copyCorpus(src: string, prefix: string): string {
  const out = mkdtempSync(join(tmpdir(), prefix));
  // dereference: a built corpus's top-level names are links through current/ (policy-reader build); copy the files, not links back into the source.
  for (const f of ['library.json', 'manifest.json']) cpSync(join(src, f), join(out, f), { dereference: true });
  // The library's first screen: a test that rewrites library.json rewrites it too (writeLibraryHead).
  if (existsSync(join(src, LIBRARY_HEAD_FILE))) cpSync(join(src, LIBRARY_HEAD_FILE), join(out, LIBRARY_HEAD_FILE), { dereference: true });
  // The reading view also fetches variants.json and its document's variants/ shard (相似文本, 本条亦见于);
  // …and the import worker variants-lsh.json (placing a user's file); a corpus built before them has none.
  for (const f of ['variants.json', 'variants', 'variants-lsh.json']) if (existsSync(join(src, f))) cpSync(join(src, f), join(out, f), { recursive: true, dereference: true });
  cpSync(join(src, 'docs'), join(out, 'docs'), { recursive: true, dereference: true });
  return out;
}
