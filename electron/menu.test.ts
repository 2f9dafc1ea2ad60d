import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, isMenuCommand } from './contract';
import { buildMenuTemplate } from './menu';

const items = (t: MenuItemConstructorOptions[]) =>
  t.flatMap((m) => (Array.isArray(m.submenu) ? (m.submenu as MenuItemConstructorOptions[]) : []));
const roles = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  const send = vi.fn();
  const win = buildMenuTemplate({ isMac: false, isDev: false, appName: '政策阅读器', send });
  const mac = buildMenuTemplate({ isMac: true, isDev: false, appName: '政策阅读器', send });
  const dev = buildMenuTemplate({ isMac: false, isDev: true, appName: '政策阅读器', send });

  it('every command the menu sends is one the preload passes on, and every such command has a menu item (issue 19, spot 7)', () => {
    const sent = new Set<string>();
    for (const isMac of [false, true]) {
      const t = buildMenuTemplate({ isMac, isDev: true, appName: '政策阅读器', send: (c) => sent.add(c) });
      for (const i of items(t)) if (typeof i.click === 'function') (i.click as () => void)();
    }
    for (const c of sent) expect(isMenuCommand(c), c).toBe(true);
    expect([...sent].sort()).toEqual(Object.keys(MENU_COMMANDS).sort());
  });

  it('has the Chinese top-level menus', () => {
    expect(win.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(mac.map((m) => m.label)).toEqual(['政策阅读器', '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('every item has a Chinese label (or is a separator)', () => {
    for (const t of [win, mac, dev]) {
      for (const i of items(t)) {
        if (i.type === 'separator') continue;
        expect(i.label, JSON.stringify(i)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('查找 uses Ctrl/Cmd+F and sends "find" to the renderer', () => {
    const find = items(win).find((i) => i.label === '查找…')!;
    expect(find.accelerator).toBe('CmdOrCtrl+F');
    (find.click as () => void)();
    expect(send).toHaveBeenCalledWith('find');
  });

  it('annotation items send their commands; the single-key shortcuts are shown but not registered', () => {
    const sent: string[] = [];
    const t = buildMenuTemplate({ isMac: false, isDev: false, appName: '政策阅读器', send: (c) => sent.push(c) });
    const byLabel = (l: string) => items(t).find((i) => i.label === l)!;
    for (const [label, command] of [
      ['导出 PDF 摘编…', 'export-pdf'],
      ['导出标注…', 'export-annotations'],
      ['导入标注…', 'import-annotations'],
      ['我的标注', 'annotations'],
      ['快捷键', 'shortcuts'],
      ['高亮所选文字', 'highlight'],
      ['为所选文字添加笔记', 'note'],
      ['为当前条文加书签', 'bookmark'],
    ]) {
      (byLabel(label).click as () => void)();
      expect(sent.at(-1)).toBe(command);
    }
    // A registered plain-letter accelerator would swallow that letter in every text field.
    for (const label of ['高亮所选文字', '为所选文字添加笔记', '为当前条文加书签', '快捷键']) expect(byLabel(label).registerAccelerator).toBe(false);
    expect([byLabel('高亮所选文字').accelerator, byLabel('为所选文字添加笔记').accelerator, byLabel('为当前条文加书签').accelerator]).toEqual(['H', 'N', 'B']);
  });

  it('has zoom, full screen and the edit roles', () => {
    expect(roles(win)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit', 'minimize', 'about']));
    const view = items(win);
    expect(view.find((i) => i.role === 'zoomOut')!.accelerator).toBe('CmdOrCtrl+-');
    expect(view.find((i) => i.role === 'resetZoom')!.accelerator).toBe('CmdOrCtrl+0');
  });

  it('reload and devtools only in development', () => {
    for (const t of [win, mac]) expect(roles(t)).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(win).some((r) => r === 'reload' || r === 'forceReload' || r === 'toggleDevTools')).toBe(false);
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('macOS gets the app menu and window roles', () => {
    expect(roles(mac)).toEqual(expect.arrayContaining(['hide', 'hideOthers', 'unhide', 'services', 'front', 'zoom', 'close']));
    expect(mac.find((m) => m.label === '帮助')!.role).toBe('help');
  });
});
