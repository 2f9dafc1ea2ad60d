import type { InDocumentFind } from '../search/useInDocumentFind';

/** The in-document find bar (Ctrl/⌘+F, or 查找 in the menu). */
export function FindBar({ find }: { find: InDocumentFind }) {
  if (!find.open) return null;
  const none = find.query.trim() !== '' && find.count === 0;
  return (
    <div className="find-bar" role="search" aria-label="在本文中查找">
      <input
        ref={find.inputRef}
        // Focused in the same commit that shows it, so a key typed right after Ctrl+F lands here, not on the page.
        autoFocus
        type="search"
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={find.onInputKeyDown}
        placeholder="在本文中查找"
        aria-label="在本文中查找"
        className={none ? 'no-match' : undefined}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {find.query.trim() ? `${find.position}/${find.count}` : ''}
      </span>
      <button type="button" onClick={find.previous} disabled={find.count === 0} aria-label="上一个" title="上一个（Shift+Enter）">
        ↑
      </button>
      <button type="button" onClick={find.next} disabled={find.count === 0} aria-label="下一个" title="下一个（Enter）">
        ↓
      </button>
      <button type="button" onClick={find.close} aria-label="关闭查找" title="关闭（Esc）">
        ×
      </button>
    </div>
  );
}
