/**
 * The real renderer build under the app:// handler's headers, in Chromium
 * (no Electron needed): every response comes from createAppProtocolHandler
 * (same files, MIME types and Content-Security-Policy as in the app), mapped
 * from http://127.0.0.1:<port>/… to app://reader/…. Catches renderer code
 * that the CSP would break (inline scripts, eval, remote fonts) and checks the
 * relative corpus URLs resolve through the handler.
 * Skipped where no Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium).
 */
declare const document: any, window: any;

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, createAppProtocolHandler } from '../../electron/protocol';
import { fixtureCorpus, repoRoot } from './env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rendererRoot = path.join(repoRoot, 'dist', 'renderer');
const skip = !fs.existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : null;
if (skip) console.log(`[test:electron] skipping "renderer under the app:// CSP": ${skip}.`);

describe.skipIf(skip)('renderer under the app:// CSP', () => {
  let server: http.Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  const violations: string[] = [];
  const served: { url: string; status: number; type: string | null }[] = [];
  /** When set, replaces the CSP header (to run the renderer under a stricter policy than APP_CSP). */
  let cspOverride: string | null = null;
  const titles: string[] = (JSON.parse(fs.readFileSync(path.join(fixtureCorpus, 'library.json'), 'utf8')) as { title: string }[]).map((d) => d.title);

  beforeAll(async () => {
    const handler = createAppProtocolHandler(
      { rendererRoot, corpusRoot: fixtureCorpus },
      { realpath: (p) => fs.promises.realpath(p), stat: (p) => fs.promises.stat(p), readFile: (p) => fs.promises.readFile(p) },
    );
    server = http.createServer(async (req, res) => {
      const appUrl = `app://reader${req.url ?? '/'}`;
      const response = await handler(new Request(appUrl, { method: req.method }));
      served.push({ url: req.url ?? '', status: response.status, type: response.headers.get('content-type') });
      const headers = Object.fromEntries(response.headers);
      if (cspOverride) headers['content-security-policy'] = cspOverride;
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-csp-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
        (window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('renders the library with no CSP violations', async () => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction((ts: string[]) => ts.some((t) => document.body.innerText.includes(t)), titles, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const inPage = await page.evaluate(() => window.__csp ?? []);
    expect([...violations, ...inPage]).toEqual([]);
    const index = served.find((s) => s.url === '/');
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(served.some((s) => s.url.startsWith('/corpus/') && s.status === 200)).toBe(true);
    expect(served.filter((s) => s.status >= 400)).toEqual([]);
    expect(APP_CSP).toContain("script-src 'self'");
  });

  /** Library, a document with highlighted terms, and a search (worker + index), collecting CSP violations. */
  async function tour(): Promise<string[]> {
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction((ts: string[]) => ts.some((t) => document.body.innerText.includes(t)), titles, { timeout: 30_000 });
    const lib = JSON.parse(fs.readFileSync(path.join(fixtureCorpus, 'library.json'), 'utf8')) as { id: string }[];
    await page.goto(`${origin}/#/doc/${lib[0].id}?q=${encodeURIComponent('政务')}`);
    await page.waitForSelector('[data-testid=doc] h1', { timeout: 30_000 });
    await page.goto(`${origin}/#/search?q=${encodeURIComponent('服务')}`);
    await page.waitForSelector('.search-summary', { timeout: 30_000 });
    await page.waitForTimeout(300);
    const inPage = (await page.evaluate(() => window.__csp ?? [])) as string[];
    await page.close();
    return [...seen, ...inPage];
  }

  it('reads a document with highlights and searches (worker) with no CSP violations', async () => {
    expect(await tour()).toEqual([]);
  });

  it("the app's own code needs neither 'unsafe-inline' styles nor blob: (only the export preview's srcdoc frame does)", async () => {
    cspOverride = APP_CSP.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'");
    try {
      expect(cspOverride).not.toContain('unsafe-inline');
      expect(await tour()).toEqual([]);
      // Negative control: under this policy a style attribute in markup IS reported.
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const reported = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const d = document.createElement('div');
            d.innerHTML = '<p style="color: red">x</p>';
            document.body.appendChild(d);
            setTimeout(() => resolve(window.__csp ?? []), 300);
          }),
      );
      await page.close();
      expect(reported.join(' ')).toMatch(/style-src/);
    } finally {
      cspOverride = null;
    }
  });

  it('the export preview (a sandboxed srcdoc frame) uses its embedded data: fonts under the app CSP', async () => {
    const page = await context.newPage();
    const docId = (JSON.parse(fs.readFileSync(path.join(fixtureCorpus, 'library.json'), 'utf8')) as { id: string }[])[0].id;
    await page.goto(`${origin}/#/export?doc=${docId}&mode=document`);
    await page.locator('iframe[title="导出预览"]').waitFor({ timeout: 30_000 });
    // The preview shows at once with system fonts; the version with embedded fonts replaces its srcdoc when ready.
    const embeddedFonts = async () => {
      const frame = page.frames().find((f) => f !== page.mainFrame());
      if (!frame) return 0;
      return frame
        .evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].filter((f: { family: string; status: string }) => f.family.includes('PolicyReader') && f.status === 'loaded').length;
        })
        .catch(() => 0); // the frame navigated to its new srcdoc while we asked
    };
    await expect.poll(embeddedFonts, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__csp ?? [])).toEqual([]);
  });

  it('blocks inline script (negative control for the detector)', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const result = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; csp: string[] }>((resolve) => {
          const s = document.createElement('script');
          s.textContent = 'window.__ran = true';
          document.head.appendChild(s);
          setTimeout(() => resolve({ ran: !!window.__ran, csp: window.__csp ?? [] }), 300);
        }),
    );
    expect(result.ran).toBe(false);
    expect(result.csp.join(' ')).toMatch(/script-src/);
  });
});
