import { COLOUR_NAMES, kindOf, noteOf, quoteOf, tagsOf, type Annotation } from '../../core/annotations/model';
import type { TextRange } from '../../core/annotations/anchor';
import type { PolicyDocument } from '../../core/corpus/types';
import { navigate } from '../hooks/useRoute';
import { docHref } from '../routing/hash';
import type { FlatUnit } from '../reader/units';
import { KIND_NAMES } from './colours';
import { PlacementBadge } from './PlacementBadge';
import { TagList } from './TagList';

export interface PanelEntry {
  annotation: Annotation;
  /** null for a bookmark of the whole document. */
  flat: FlatUnit | null;
  /** Reading order: the unit's index, -1 for the document. */
  order: number;
  range: TextRange | null;
}

/** This document's bookmarks, highlights and notes in reading order; a click jumps to the clause (and flashes it). */
export function AnnotationPanel({ doc, entries, onClose }: { doc: PolicyDocument; entries: PanelEntry[]; onClose(): void }) {
  return (
    <aside className="annot-panel" aria-label="本文标注" data-annot-ui="">
      <header>
        <h2>本文标注</h2>
        <span className="count">{entries.length} 条</span>
        <button type="button" onClick={onClose} aria-label="关闭标注面板">
          ×
        </button>
      </header>
      {entries.length === 0 ? (
        <p className="empty">还没有标注。选中文字即可高亮或写笔记；每条右侧的 ☆ 可加书签。</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <PanelItem key={e.annotation.id} doc={doc} entry={e} />
          ))}
        </ol>
      )}
    </aside>
  );
}

function PanelItem({ doc, entry }: { doc: PolicyDocument; entry: PanelEntry }) {
  const a = entry.annotation;
  const kind = kindOf(a);
  const colour = a['policyReader:colour'];
  const where = entry.flat ? entry.flat.unit.label || entry.flat.unit.heading || '本段' : '全文';
  const quote = quoteOf(a)?.exact;
  // A clause bookmark has no quote; its clause's opening words say which one.
  const opening = !quote && entry.flat ? a.target['policyReader:opening'] : undefined;
  const note = noteOf(a);
  const tags = tagsOf(a);
  const href = docHref(doc.id, entry.flat?.unit.id ?? null);
  return (
    <li className={`annot-item kind-${kind}`}>
      <a
        href={href}
        onClick={(ev) => {
          // The same hash twice must still scroll and flash (navigate bumps the route nonce).
          ev.preventDefault();
          navigate(href);
        }}
      >
        <span className="annot-meta">
          {colour && kind !== 'bookmark' && <span className={`dot sw-${colour}`} aria-label={COLOUR_NAMES[colour]} />}
          <span className="kind">{KIND_NAMES[kind]}</span>
          <span className="where">{where}</span>
        </span>
        {quote && <q className="quote">{quote}</q>}
        {opening && <span className="opening">{opening}…</span>}
        {note && <span className="note">{note}</span>}
        <TagList tags={tags} />
      </a>
      <PlacementBadge annotation={a} />
    </li>
  );
}
