/** h / n / b in the reading view, and the same three commands from the application menu (编辑). */
import { useEffect } from 'react';
import { onMenuCommand } from '../platform';
import { isTyping } from './placement';

export type AnnotationCommand = 'highlight' | 'note' | 'bookmark';

const KEYS: Record<string, AnnotationCommand> = { h: 'highlight', n: 'note', b: 'bookmark' };

export function useAnnotationKeys(command: (c: AnnotationCommand) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const c = KEYS[e.key];
      if (!c) return;
      e.preventDefault();
      command(c);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);
}

export function useAnnotationMenu(command: (c: AnnotationCommand) => void): void {
  useEffect(() => onMenuCommand((c) => (c === 'highlight' || c === 'note' || c === 'bookmark') && command(c)), [command]);
}
