/**
 * The application menu, in Chinese. Built by a pure function so its structure
 * is unit-tested; main.ts passes the result to Menu.buildFromTemplate.
 * Reload and developer tools exist only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './contract';

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  appName: string;
  /** Sends a command to the focused reader window (IpcEvents['menu:command']). */
  send: (command: MenuCommand) => void;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ isMac, isDev, appName, send }: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about', label: `关于${appName}` },
        sep,
        { role: 'services', label: '服务' },
        sep,
        { role: 'hide', label: `隐藏${appName}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        sep,
        { role: 'quit', label: `退出${appName}` },
      ],
    });
  }

  template.push({
    label: '文件',
    submenu: [
      { label: '导入文件…', accelerator: 'CmdOrCtrl+O', click: () => send('import-files') },
      sep,
      { label: '导出 PDF 摘编…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export-pdf') },
      { label: '导出标注…', click: () => send('export-annotations') },
      { label: '导入标注…', click: () => send('import-annotations') },
      sep,
      ...(isMac ? [{ role: 'close', label: '关闭窗口' } as const] : [{ role: 'quit', label: '退出', accelerator: 'Ctrl+Q' } as const]),
    ],
  });

  template.push({
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      sep,
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      sep,
      { label: '查找…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
      sep,
      // Single keys handled by the reading view (renderer/annotations/ReaderAnnotations.tsx); shown here, not
      // registered, so typing h, n or b in a text field still types the letter.
      { label: '高亮所选文字', accelerator: 'H', registerAccelerator: false, click: () => send('highlight') },
      { label: '为所选文字添加笔记', accelerator: 'N', registerAccelerator: false, click: () => send('note') },
      { label: '为当前条文加书签', accelerator: 'B', registerAccelerator: false, click: () => send('bookmark') },
    ],
  });

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        sep,
      ]
    : [];
  template.push({
    label: '视图',
    submenu: [
      ...devItems,
      { label: '我的标注', accelerator: 'CmdOrCtrl+Shift+A', click: () => send('annotations') },
      sep,
      { role: 'resetZoom', label: '实际大小', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', label: '放大', accelerator: 'CmdOrCtrl+Plus' },
      // Ctrl/Cmd+= (the unshifted key) also zooms in.
      { role: 'zoomIn', label: '放大', accelerator: 'CmdOrCtrl+=', visible: false, acceleratorWorksWhenHidden: true },
      { role: 'zoomOut', label: '缩小', accelerator: 'CmdOrCtrl+-' },
      sep,
      { role: 'togglefullscreen', label: '全屏', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  });

  template.push({
    label: '窗口',
    submenu: isMac
      ? [{ role: 'minimize', label: '最小化' }, { role: 'zoom', label: '缩放' }, sep, { role: 'front', label: '前置全部窗口' }]
      : [{ role: 'minimize', label: '最小化' }, { role: 'close', label: '关闭' }],
  });

  template.push({
    label: '帮助',
    role: 'help',
    submenu: [{ label: '快捷键', accelerator: 'Shift+/', registerAccelerator: false, click: () => send('shortcuts') }, sep, { role: 'about', label: `关于${appName}` }],
  });

  return template;
}
