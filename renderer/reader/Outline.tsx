import { memo } from 'react';
import { navigate } from '../hooks/useRoute';
import { docHref } from '../routing/hash';
import type { OutlineEntry } from './units';

function Entries({ docId, entries, activeId }: { docId: string; entries: OutlineEntry[]; activeId: string | null }) {
  return (
    <ul>
      {entries.map((e) => {
        const href = docHref(docId, e.id);
        return (
          <li key={e.id} className={`ol-${e.level}`}>
            <a
              href={href}
              aria-current={e.id === activeId ? 'location' : undefined}
              onClick={(ev) => {
                // Through navigate() so that re-clicking the current entry still scrolls back to it.
                ev.preventDefault();
                navigate(href);
              }}
            >
              {e.text}
            </a>
            {e.children.length > 0 && <Entries docId={docId} entries={e.children} activeId={activeId} />}
          </li>
        );
      })}
    </ul>
  );
}

export const Outline = memo(function Outline({ docId, outline, activeId }: { docId: string; outline: OutlineEntry[]; activeId: string | null }) {
  if (!outline.length) return null;
  return (
    <nav className="outline" aria-label="目录" data-testid="outline">
      <Entries docId={docId} entries={outline} activeId={activeId} />
    </nav>
  );
});
