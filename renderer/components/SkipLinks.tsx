/** Skip links, first in the Tab order: straight to the document list, the text, or the results. */
import type { Route } from '../routing/hash';
import { READING_TEXT_ID } from '../reader/readingArea';

const TARGETS: Partial<Record<Route['name'], { label: string; selector: string }>> = {
  library: { label: '跳到文档列表', selector: '#doc-list' },
  doc: { label: '跳到正文', selector: `#${READING_TEXT_ID}` },
  search: { label: '跳到搜索结果', selector: '.search-results' },
};

export function SkipLinks({ route }: { route: Route }) {
  const t = TARGETS[route.name];
  if (!t) return null;
  return (
    <nav className="skip-links" aria-label="跳转">
      <a
        href={location.hash || '#/'}
        onClick={(e) => {
          // Hash links are routes here: move focus instead of navigating.
          e.preventDefault();
          const el = document.querySelector<HTMLElement>(t.selector);
          if (!el) return;
          if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
          el.focus();
          el.scrollIntoView({ block: 'start' });
        }}
      >
        {t.label}
      </a>
    </nav>
  );
}
