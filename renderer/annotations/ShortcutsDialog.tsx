import { useEffect, useRef, useSyncExternalStore } from 'react';

/** The 快捷键 help: opened from the top bar, the 帮助 menu, or '?'. */
const listeners = new Set<() => void>();
let open = false;
export function setShortcutsOpen(v: boolean): void {
  open = v;
  listeners.forEach((l) => l());
}

export const SHORTCUTS: [keys: string, what: string][] = [
  ['j / ↓', '下一条'],
  ['k / ↑', '上一条'],
  ['c', '复制当前条文及出处'],
  ['Ctrl/⌘ + F', '在本文中查找'],
  ['h', '用上次的颜色高亮所选文字'],
  ['n', '高亮所选文字并写笔记'],
  ['b', '为当前条文加书签（再按一次取消）'],
  ['Esc', '关闭弹出框'],
  ['?', '显示快捷键'],
];

export function ShortcutsDialog() {
  const isOpen = useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => open,
  );
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (isOpen && !d.open) d.showModal();
    if (!isOpen && d.open) d.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-label="快捷键" onClose={() => setShortcutsOpen(false)}>
      <h2>快捷键</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, w]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{w}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">单键快捷键在阅读页面使用；在输入框中不生效。</p>
      <form method="dialog">
        <button type="submit">关闭</button>
      </form>
    </dialog>
  );
}
