import { useEffect, useRef } from 'react';

/**
 * Ctrl/⌘+P on an export page prints the briefing, not the app: the browser's
 * own print would lay out the options panel and a squeezed frame on one
 * Letter page. The key goes to the page's 导出 PDF instead.
 */
export function usePrintKey(print: () => void): void {
  const latest = useRef(print);
  useEffect(() => {
    latest.current = print;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
