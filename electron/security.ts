/**
 * Security policy for every window and the default session. The decisions are
 * pure functions (unit-tested); the `harden*` functions wire them into Electron
 * objects passed in as small interfaces.
 */
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * webPreferences for every renderer window. DevTools exist only in
 * development: a packaged build has no way to open them (`packaged` defaults
 * to true, so forgetting the argument errs on the safe side).
 */
export function secureWebPreferences(preloadPath: string, packaged = true) {
  return {
    preload: preloadPath,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://reader/… (the only origin our code runs in). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  const u = parse(url);
  // Node's URL reports origin "null" for custom schemes, so compare parts.
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
}

/**
 * Hosts openExternal may open (exact host or any subdomain). Government portals
 * only; everything else is refused. Empty the list to disable openExternal.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['gov.cn'];

export function isAllowedExternalUrl(url: unknown, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): url is string {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.port !== '') return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/**
 * What to hand to shell.openExternal: the URL as the WHATWG parser
 * re-serialises it (`new URL(url).href`: escaped, host lower-cased), so the
 * OS opens exactly the URL that was checked; null when it is not allowed.
 */
export function externalHref(url: unknown, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): string | null {
  return isAllowedExternalUrl(url, allowList) ? new URL(url).href : null;
}

/**
 * Which network requests the default session lets through: our scheme and
 * in-document data/blob URLs (plus devtools in development). No http(s),
 * ws(s), file or ftp: the app is offline and loads nothing remote.
 */
export function isAllowedRequestUrl(url: string, isDev: boolean, appHosts: readonly string[] = [APP_HOST]): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return appHosts.includes(u.host);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (isDev && (u.protocol === 'devtools:' || u.protocol === 'chrome-extension:')) return true;
  return false;
}

// ---- wiring (Electron objects behind small interfaces) -------------------

interface PreventableEvent {
  preventDefault(): void;
}
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Blocks navigation away from app://reader, denies every window.open / target=_blank
 * (external links go through the allow-listed bridge method openExternal),
 * and forbids <webview>.
 */
export function hardenWebContents(contents: HardenableWebContents, log: (msg: string) => void = () => {}): void {
  const guard = (event: PreventableEvent, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied window.open(${url})`);
    return { action: 'deny' };
  });
}

/**
 * The one permission the app uses: 'persistent-storage', which Chromium asks
 * for when the renderer calls navigator.storage.persist() (a request) and
 * navigator.storage.persisted() / permissions.query (checks), so IndexedDB
 * with the user's annotations is never evicted under storage pressure.
 * Granted to the top frame of app://reader only; everything else is denied.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['persistent-storage'];

export function isAllowedPermission(permission: string, origin: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(origin);
}

/** The requesting frame's URL: details.requestingUrl (request handler) or the requesting origin (check handler). */
function urlOf(details: unknown): string | null {
  const d = details as { requestingUrl?: unknown; requestingOrigin?: unknown; securityOrigin?: unknown } | null | undefined;
  for (const v of [d?.requestingUrl, d?.requestingOrigin, d?.securityOrigin]) if (typeof v === 'string') return v;
  return null;
}

function pageUrl(wc: unknown): string | null {
  try {
    const url = (wc as { getURL?: () => unknown } | null)?.getURL?.();
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void,
  ): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string, requestingOrigin: string, details?: unknown) => boolean): void;
  setDevicePermissionHandler?(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

/**
 * Denies every permission but persistent storage for our own origin (camera,
 * notifications, clipboard-read … are all refused), and every
 * request that is not app://<one of appHosts>, data: or blob:.
 */
export function hardenSession(
  session: HardenableSession,
  isDev: boolean,
  log: (msg: string) => void = () => {},
  appHosts: readonly string[] = [APP_HOST],
): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) => {
    // Older Electron versions may omit details.requestingUrl; the requesting page's URL is the fallback.
    const granted = isAllowedPermission(permission, urlOf(details) ?? pageUrl(wc));
    if (!granted) log(`denied permission ${permission}`);
    callback(granted);
  });
  // Checks pass the origin (no path): app://reader is enough for isAppUrl.
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, typeof requestingOrigin === 'string' ? requestingOrigin : urlOf(details)),
  );
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url, isDev, appHosts);
    if (cancel) log(`blocked request ${details.url}`);
    callback({ cancel });
  });
}
