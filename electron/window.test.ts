import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  acquireSingleInstance,
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  saveWindowStateSync,
  trackWindowState,
  windowOptions,
  type TrackedWindow,
} from './window';

const screen1 = { x: 0, y: 0, width: 1920, height: 1040 };
const screen2 = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('parseWindowState', () => {
  it.each([null, undefined, 42, 'x', [], { width: 'wide' }, { width: NaN, height: 5 }])('defaults for %j', (raw) => {
    expect(parseWindowState(raw)).toEqual(DEFAULT_WINDOW_STATE);
  });
  it('keeps valid values, clamps tiny/huge sizes, ignores junk flags', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: true, fullScreen: 'yes' })).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
      fullScreen: false,
    });
    expect(parseWindowState({ width: 10, height: 1e5 })).toMatchObject({ width: MIN_WIDTH, height: 16384 });
    expect(parseWindowState({ x: 1, width: 900, height: 600 })).not.toHaveProperty('x');
  });
});

describe('clampToDisplays', () => {
  it('keeps a window that fits', () => {
    const s = { x: 100, y: 100, width: 1000, height: 700, maximized: false, fullScreen: false };
    expect(clampToDisplays(s, [screen1, screen2])).toEqual(s);
  });
  it('keeps a window on the second display', () => {
    const s = { x: 2000, y: 50, width: 1000, height: 700, maximized: false, fullScreen: false };
    expect(clampToDisplays(s, [screen1, screen2])).toEqual(s);
  });
  it('drops the position of a window on a display that is gone', () => {
    const s = { x: 2000, y: 50, width: 1000, height: 700, maximized: false, fullScreen: false };
    const out = clampToDisplays(s, [screen1]);
    expect(out.x).toBeUndefined();
    expect(out.y).toBeUndefined();
    expect(out.width).toBe(1000);
  });
  it('moves a partly off-screen window fully on-screen and shrinks an oversized one', () => {
    expect(clampToDisplays({ x: 1500, y: 900, width: 1000, height: 700, maximized: false, fullScreen: false }, [screen1])).toMatchObject({
      x: 920,
      y: 340,
    });
    expect(clampToDisplays({ x: 0, y: 0, width: 4000, height: 3000, maximized: false, fullScreen: false }, [screen1])).toMatchObject({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
  });
  it('handles negative display coordinates (display left of primary)', () => {
    const left = { x: -1280, y: 0, width: 1280, height: 1024 };
    const s = { x: -1200, y: 10, width: 800, height: 600, maximized: false, fullScreen: false };
    expect(clampToDisplays(s, [screen1, left])).toEqual(s);
  });
  it('never goes below the minimum size on tiny displays', () => {
    const out = clampToDisplays({ width: 1280, height: 860, maximized: false, fullScreen: false }, [{ x: 0, y: 0, width: 640, height: 400 }]);
    expect(out).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });
});

describe('load/save', () => {
  it('round-trips through a real file and survives corruption', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-win-'));
    const file = path.join(dir, 'window-state.json');
    expect(loadWindowState(file, [screen1])).toEqual(DEFAULT_WINDOW_STATE); // missing
    const s = { x: 50, y: 60, width: 1100, height: 750, maximized: true, fullScreen: false };
    await saveWindowState(file, s);
    expect(loadWindowState(file, [screen1])).toEqual(s);
    saveWindowStateSync(file, { ...s, maximized: false });
    expect(loadWindowState(file, [screen1])).toEqual({ ...s, maximized: false });
    fs.writeFileSync(file, '{"width": 1100, "hei');
    expect(loadWindowState(file, [screen1])).toEqual(DEFAULT_WINDOW_STATE);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds on close', async () => {
    const handlers: Record<string, () => void> = {};
    const win: TrackedWindow = {
      getNormalBounds: () => ({ x: 1, y: 2, width: 900, height: 600 }),
      isMaximized: () => true,
      isFullScreen: () => false,
      isDestroyed: () => false,
      on: (ev, l) => (handlers[ev] = l),
    };
    const save = vi.fn(async () => {});
    const saveSync = vi.fn();
    trackWindowState(win, save, saveSync);
    handlers.close();
    expect(save).not.toHaveBeenCalled();
    expect(saveSync).toHaveBeenCalledWith({ x: 1, y: 2, width: 900, height: 600, maximized: true, fullScreen: false });
  });
});

describe('windowOptions', () => {
  it('starts hidden with min size and only sets x/y when known', () => {
    const o = windowOptions(DEFAULT_WINDOW_STATE, { sandbox: true });
    expect(o).toMatchObject({ show: false, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, webPreferences: { sandbox: true } });
    expect(o).not.toHaveProperty('x');
  });
});

describe('acquireSingleInstance', () => {
  it('quits when the lock is taken', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(acquireSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });
  it('focuses (and restores) the existing window on a second instance', () => {
    let second: () => void = () => {};
    const app = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (_e: string, l: () => void) => (second = l) };
    const win = { isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    expect(acquireSingleInstance(app, () => win)).toBe(true);
    second();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });
});
