/**
 * App-wide pieces of annotations, mounted once in App: the menu's 我的标注,
 * 导出标注…, 导入标注… and 快捷键, the '?' key, the 快捷键 dialog, and the
 * message of a menu export/import.
 */
import { useEffect } from 'react';
import { navigate } from '../hooks/useRoute';
import { onMenuCommand } from '../platform';
import { ShortcutsDialog, setShortcutsOpen } from './ShortcutsDialog';
import { exportAnnotations, importAnnotations } from './transfer';
import { UndoToast, useUndoToast } from './UndoToast';
import './annotations.css';

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function AnnotationsGlobal() {
  const { shown, show, hide } = useUndoToast();
  useEffect(() => {
    const say = (m: string | null) => m && show(m);
    const off = onMenuCommand((c) => {
      if (c === 'annotations') navigate({ name: 'annotations', filter: '' });
      else if (c === 'export-annotations') void exportAnnotations().then(say);
      else if (c === 'import-annotations') void importAnnotations().then(say);
      else if (c === 'shortcuts') setShortcutsOpen(true);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [show]);
  return (
    <>
      <ShortcutsDialog />
      <UndoToast shown={shown} hide={hide} testId="annot-menu-toast" />
    </>
  );
}
