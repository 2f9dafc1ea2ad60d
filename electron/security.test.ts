import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  externalHref,
  isAllowedExternalUrl,
  isAllowedRequestUrl,
  isAllowedPermission,
  isAppUrl,
  secureWebPreferences,
  type HardenableSession,
  type HardenableWebContents,
} from './security';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and disables Node in the renderer', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
  it('has DevTools only in development', () => {
    expect(secureWebPreferences('/p/preload.cjs', true).devTools).toBe(false);
    expect(secureWebPreferences('/p/preload.cjs').devTools).toBe(false);
    expect(secureWebPreferences('/p/preload.cjs', false).devTools).toBe(true);
  });
});

describe('externalHref', () => {
  it('hands openExternal the re-serialised URL that was checked', () => {
    expect(externalHref('https://WWW.Gov.CN/政策 文件?q=a b#x')).toBe('https://www.gov.cn/%E6%94%BF%E7%AD%96%20%E6%96%87%E4%BB%B6?q=a%20b#x');
    expect(externalHref('https://www.gov.cn./')).toBe('https://www.gov.cn./');
    expect(externalHref('https://evil.example/?https://www.gov.cn/')).toBeNull();
    expect(externalHref('javascript:alert(1)//www.gov.cn')).toBeNull();
    expect(externalHref(42)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://reader/', true],
    ['app://reader/doc/1?x=1#y', true],
    ['app://evil/', false],
    ['app://user@reader/', false],
    ['file:///etc/passwd', false],
    ['https://reader/', false],
    ['http://127.0.0.1:5173/', false],
    ['', false],
    [null, false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isAppUrl(url)).toBe(ok));
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://www.gov.cn/zhengce/content/2023-01/01/content_1.htm', true],
    ['https://gov.cn/', true],
    ['https://WWW.SHANGHAI.GOV.CN/a', true],
    ['http://www.gov.cn/', false], // https only
    ['https://evilgov.cn/', false],
    ['https://gov.cn.evil.com/', false],
    ['https://user:pw@www.gov.cn/', false],
    ['https://www.gov.cn:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///C:/x', false],
    ['app://reader/', false],
    [42, false],
    ['https://www.gov.cn/' + 'a'.repeat(3000), false],
  ])('%s → %s', (url, ok) => expect(isAllowedExternalUrl(url)).toBe(ok));

  it('an empty allow-list allows nothing', () => {
    expect(isAllowedExternalUrl('https://www.gov.cn/', [])).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows only the app scheme and inline data', () => {
    expect(isAllowedRequestUrl('app://reader/corpus/library.json', false)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', false)).toBe(true);
    expect(isAllowedRequestUrl('app://other/x', false)).toBe(false);
    expect(isAllowedRequestUrl('https://www.gov.cn/', false)).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:1/', false)).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', false)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x.html', false)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/x.html', true)).toBe(true);
    // The PDF export session allows only its own host.
    expect(isAllowedRequestUrl('app://export/abc', false)).toBe(false);
    expect(isAllowedRequestUrl('app://export/abc', false, ['export'])).toBe(true);
    expect(isAllowedRequestUrl('app://reader/', false, ['export'])).toBe(false);
  });
});

function fakeContents() {
  const listeners: Record<string, (...a: any[]) => void> = {};
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableWebContents = {
    on: (event: string, listener: (...a: any[]) => void) => {
      listeners[event] = listener;
      return contents;
    },
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  } as HardenableWebContents;
  return { contents, listeners, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the app origin', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents);
    for (const ev of ['will-navigate', 'will-redirect']) {
      const blocked = { preventDefault: vi.fn() };
      listeners[ev](blocked, 'https://example.com/');
      expect(blocked.preventDefault).toHaveBeenCalled();
      const allowed = { preventDefault: vi.fn() };
      listeners[ev](allowed, 'app://reader/doc/1');
      expect(allowed.preventDefault).not.toHaveBeenCalled();
    }
    const wv = { preventDefault: vi.fn() };
    listeners['will-attach-webview'](wv);
    expect(wv.preventDefault).toHaveBeenCalled();
  });
  it('denies every window.open, even to allow-listed hosts', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents);
    expect(open('https://www.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('app://reader/')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies all permissions and cancels remote requests', () => {
    let request: any, check: any, device: any, before: any;
    const session: HardenableSession = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
      webRequest: { onBeforeRequest: (_f, l) => (before = l) },
    };
    hardenSession(session, false);
    const cb = vi.fn();
    request({}, 'media', cb);
    request({}, 'notifications', cb);
    expect(cb.mock.calls).toEqual([[false], [false]]);
    expect(check({}, 'clipboard-read')).toBe(false);
    expect(check({}, 'clipboard-read', 'app://reader')).toBe(false);
    expect(device({})).toBe(false);
    const done = vi.fn();
    before({ url: 'https://example.com/' }, done);
    before({ url: 'app://reader/' }, done);
    expect(done.mock.calls).toEqual([[{ cancel: true }], [{ cancel: false }]]);
  });
});

describe('persistent storage permission', () => {
  function wired() {
    let request: any, check: any;
    hardenSession(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
        webRequest: { onBeforeRequest: () => {} },
      },
      false,
    );
    const ask = (permission: string, requestingUrl?: string) => {
      const cb = vi.fn();
      request({}, permission, cb, requestingUrl === undefined ? undefined : { requestingUrl });
      return cb.mock.calls[0][0] as boolean;
    };
    return { ask, request: (...a: unknown[]) => request(...a), check: (permission: string, origin: string) => check({}, permission, origin, { requestingUrl: `${origin}/` }) as boolean };
  }

  it('navigator.storage.persist() (request) and persisted() (check) are allowed for app://reader only', () => {
    const { ask, check, request } = wired();
    expect(isAllowedPermission('persistent-storage', 'app://reader/#/doc/x')).toBe(true);
    expect(ask('persistent-storage', 'app://reader/')).toBe(true);
    expect(check('persistent-storage', 'app://reader')).toBe(true);
    // any other origin, or no origin at all
    expect(ask('persistent-storage', 'app://export/abc')).toBe(false);
    expect(ask('persistent-storage', 'https://www.gov.cn/')).toBe(false);
    expect(ask('persistent-storage')).toBe(false);
    const fromPage = (url: string) => {
      const cb = vi.fn();
      request({ getURL: () => url }, 'persistent-storage', cb, {});
      return cb.mock.calls[0][0];
    };
    expect(fromPage('app://reader/#/annotations')).toBe(true);
    expect(fromPage('https://www.gov.cn/')).toBe(false);
    expect(check('persistent-storage', 'https://evil.example')).toBe(false);
  });

  it('every other permission stays denied, even for app://reader', () => {
    const { ask, check } = wired();
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'storage-access', 'top-level-storage-access', 'fileSystem', 'openExternal', 'unknown']) {
      expect(ask(p, 'app://reader/'), p).toBe(false);
      expect(check(p, 'app://reader'), p).toBe(false);
    }
  });
});
