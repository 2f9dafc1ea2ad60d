/**
 * The one main window: size/position remembered in <userData>/window-state.json
 * (validated and defaulted on read, clamped to a visible display), the
 * single-instance lock, and focusing the existing window on a second launch.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { atomicWriteFile } from './fs-safe';

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false, fullScreen: false };
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
const MAX_SIDE = 16_384;
/** How much of the window (px each way) must lie on a display to keep its position. */
const MIN_VISIBLE = 64;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;

/** Validates an untrusted parsed JSON value; anything wrong falls back to defaults. */
export function parseWindowState(raw: unknown): WindowState {
  const state: WindowState = { ...DEFAULT_WINDOW_STATE };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return state;
  const r = raw as Record<string, unknown>;
  if (isInt(r.width) && isInt(r.height)) {
    state.width = Math.round(Math.min(MAX_SIDE, Math.max(MIN_WIDTH, r.width)));
    state.height = Math.round(Math.min(MAX_SIDE, Math.max(MIN_HEIGHT, r.height)));
  }
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  state.maximized = r.maximized === true;
  state.fullScreen = r.fullScreen === true;
  return state;
}

function overlap(a: Rectangle, b: Rectangle): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/**
 * Makes the saved bounds fit the current displays (work areas). A window that
 * is not sufficiently visible on any display (monitor unplugged, resolution
 * changed) loses its position and is centred; a window larger than its display
 * shrinks to fit; a partly off-screen window is moved fully on-screen.
 */
export function clampToDisplays(state: WindowState, workAreas: Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const out = { ...state };
  if (out.x === undefined || out.y === undefined) {
    const primary = workAreas[0];
    out.width = Math.min(out.width, Math.max(MIN_WIDTH, primary.width));
    out.height = Math.min(out.height, Math.max(MIN_HEIGHT, primary.height));
    return out;
  }
  const bounds = { x: out.x, y: out.y, width: out.width, height: out.height };
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    if (o.w >= Math.min(MIN_VISIBLE, bounds.width) && o.h >= Math.min(MIN_VISIBLE, bounds.height) && o.w * o.h > bestArea) {
      best = area;
      bestArea = o.w * o.h;
    }
  }
  if (!best) {
    const primary = workAreas[0];
    delete out.x;
    delete out.y;
    out.width = Math.min(out.width, Math.max(MIN_WIDTH, primary.width));
    out.height = Math.min(out.height, Math.max(MIN_HEIGHT, primary.height));
    return out;
  }
  out.width = Math.min(out.width, Math.max(MIN_WIDTH, best.width));
  out.height = Math.min(out.height, Math.max(MIN_HEIGHT, best.height));
  out.x = Math.min(Math.max(out.x!, best.x), best.x + best.width - out.width);
  out.y = Math.min(Math.max(out.y!, best.y), best.y + best.height - out.height);
  out.x = Math.max(out.x, best.x);
  out.y = Math.max(out.y, best.y);
  return out;
}

/** Reads and validates the state file; a missing or corrupt file gives defaults. */
export function loadWindowState(
  file: string,
  workAreas: Rectangle[],
  readFile: (p: string) => string = (p) => nodeFs.readFileSync(p, 'utf8'),
): WindowState {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFile(file));
  } catch {
    raw = null;
  }
  return clampToDisplays(parseWindowState(raw), workAreas);
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await nodeFs.promises.mkdir(path.dirname(file), { recursive: true });
  await atomicWriteFile(file, JSON.stringify(state, null, 2) + '\n');
}

/** Used on 'close', where the process may exit before an async write finishes. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    nodeFs.mkdirSync(path.dirname(file), { recursive: true });
    nodeFs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
    nodeFs.renameSync(tmp, file);
  } catch (e) {
    try {
      nodeFs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

/** The part of BrowserWindow the state tracker reads. */
export interface TrackedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close', l: () => void): unknown;
}

export function captureWindowState(win: TrackedWindow): WindowState {
  const b = win.getNormalBounds();
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}

/** Saves the state 500 ms after the last move/resize, and synchronously on close. */
export function trackWindowState(
  win: TrackedWindow,
  save: (state: WindowState) => Promise<void>,
  saveSync: (state: WindowState) => void,
  log: (m: string) => void = () => {},
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const persist = () => {
    if (win.isDestroyed()) return;
    save(captureWindowState(win)).catch((e) => log(`window state not saved: ${String(e)}`));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(persist, 500);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(ev, schedule);
  win.on('close', () => {
    clearTimeout(timer);
    try {
      saveSync(captureWindowState(win));
    } catch (e) {
      log(`window state not saved: ${String(e)}`);
    }
  });
}

export function windowOptions(state: WindowState, webPreferences: BrowserWindowConstructorOptions['webPreferences'], icon?: string): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: '政策阅读器',
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences,
  };
}

/** Restores a minimised/hidden window and brings it to the front. */
export function focusWindow(win: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | null | undefined): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Takes the single-instance lock. Returns false (and quits) when another
 * instance already runs; that instance gets 'second-instance' and focuses its window.
 */
export function acquireSingleInstance(app: SingleInstanceApp, getWindow: () => Parameters<typeof focusWindow>[0]): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
}

export interface MainWindowDeps<W> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  /** screen.getAllDisplays().map(d => d.workArea), primary first. */
  workAreas: () => Rectangle[];
  statePath: string;
  webPreferences: BrowserWindowConstructorOptions['webPreferences'];
  icon?: string;
  url: string;
  log?: (m: string) => void;
}

type MainWindowLike = TrackedWindow & {
  maximize(): void;
  setFullScreen(flag: boolean): void;
  show(): void;
  once(event: 'ready-to-show', l: () => void): unknown;
  loadURL(url: string): Promise<void>;
};

/** Creates the main window from the saved state and starts tracking it. */
export function openMainWindow<W extends MainWindowLike>(deps: MainWindowDeps<W>): W {
  const log = deps.log ?? (() => {});
  const state = loadWindowState(deps.statePath, deps.workAreas());
  const win = new deps.BrowserWindow(windowOptions(state, deps.webPreferences, deps.icon));
  trackWindowState(
    win,
    (s) => saveWindowState(deps.statePath, s),
    (s) => saveWindowStateSync(deps.statePath, s),
    log,
  );
  if (state.maximized) win.maximize();
  if (state.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  win.loadURL(deps.url).catch((e: unknown) => log(`loading ${deps.url} failed: ${String(e)}`));
  return win;
}
