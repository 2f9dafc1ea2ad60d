import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { COLOUR_NAMES, kindOf, noteOf, quoteOf, tagsOf, unitIdOf, type Annotation } from '../../core/annotations/model';
import { useLibrary } from '../hooks/useCorpus';
import { navigate } from '../hooks/useRoute';
import { docHref } from '../routing/hash';
import { AnnotationEditor } from './AnnotationEditor';
import { KIND_NAMES } from './colours';
import { TagList } from './TagList';
import { remove, update } from './actions';
import type { Row } from './order';
import { setPendingReattach } from './reattach';
import { PlacementBadge } from './PlacementBadge';
import { useUnitLocator } from './useUnitLocator';

/** A note longer than this (characters or lines) is folded to its first lines, with 展开笔记. */
const LONG_NOTE_CHARS = 240;
const LONG_NOTE_LINES = 5;

interface Props {
  rows: Row[];
  onMessage(text: string, undo?: (() => void) | null): void;
}

const ESTIMATE = { orphans: 40, orphan: 110, group: 44, entry: 96 } as const;

/** Virtualised: only the rows in view are in the DOM, so 10,000 annotations scroll like 10. */
export function AnnotationList({ rows, onMessage }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const library = useLibrary();
  const docs = library.status === 'ready' ? library.value.docs : null;
  // While the library is still loading nothing is known to be gone: go to the document, which says so itself if it is.
  const hasDoc = (id: string) => docs === null || docs.some((d) => d.id === id);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => ESTIMATE[rows[i].type],
    getItemKey: (i) => {
      const r = rows[i];
      return r.type === 'group' ? `g:${r.docId}` : r.type === 'orphans' ? 'orphans' : r.annotation.id;
    },
    overscan: 6,
    // Measurements of the rows in view arrive one by one; re-rendering synchronously for each is what made 10,000 rows slow to open.
    useFlushSync: false,
  });

  const del = async (a: Annotation) => {
    const r = await remove(a.id);
    if (r.ok) onMessage(`已删除${KIND_NAMES[kindOf(a)]}`, () => void r.value.undo());
  };

  return (
    <div className="annot-list" ref={scroller} data-testid="annot-list">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <div key={item.key} data-index={item.index} ref={v.measureElement} className="annot-row" style={{ transform: `translateY(${item.start}px)` }}>
              {row.type === 'orphans' && (
                <h2 className="annot-group orphans" id="annot-orphans">
                  未能定位 <span className="count">{row.count} 条</span>
                  <span className="hint">语料更新后找不到原文的标注。可以删除，或重新定位到新选的文字。</span>
                </h2>
              )}
              {row.type === 'group' && (
                <h2 className="annot-group">
                  <a href={docHref(row.docId)}>{row.title}</a> <span className="count">{row.count} 条</span>
                </h2>
              )}
              {(row.type === 'entry' || row.type === 'orphan') && (
                <Entry
                  a={row.annotation}
                  orphan={row.type === 'orphan'}
                  editing={editing === row.annotation.id}
                  hasDoc={hasDoc}
                  onEdit={() => setEditing(editing === row.annotation.id ? null : row.annotation.id)}
                  onDelete={() => void del(row.annotation)}
                  onSave={(p) => update(row.annotation.id, p)}
                  onClose={() => setEditing(null)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

interface EntryProps {
  a: Annotation;
  orphan: boolean;
  editing: boolean;
  hasDoc(docId: string): boolean;
  onEdit(): void;
  onDelete(): void;
  onSave(p: Parameters<typeof update>[1]): ReturnType<typeof update>;
  onClose(): void;
}

function Entry({ a, orphan, editing, hasDoc, onEdit, onDelete, onSave, onClose }: EntryProps) {
  const kind = kindOf(a);
  const colour = a['policyReader:colour'];
  const doc = a.target['policyReader:document'];
  const quote = quoteOf(a)?.exact ?? a.target['policyReader:opening'] ?? '';
  const note = noteOf(a);
  const tags = tagsOf(a);
  const unitId = unitIdOf(a);
  const href = docHref(doc.id, unitId);
  const reattach = () => {
    setPendingReattach({ id: a.id, quote, title: doc.title });
    navigate(hasDoc(doc.id) ? docHref(doc.id) : '#/');
  };
  const what = quote ? `「${quote.length > 24 ? `${quote.slice(0, 24)}…` : quote}」` : doc.title;
  return (
    <article className={`annot-entry kind-${kind}${orphan ? ' orphan' : ''}`} aria-label={`${KIND_NAMES[kind]}：${what}`}>
      <div className="annot-meta">
        {colour && kind !== 'bookmark' && <span className={`dot sw-${colour}`} role="img" aria-label={COLOUR_NAMES[colour]} />}
        <span className="kind">{KIND_NAMES[kind]}</span>
        {orphan && <span className="doc-title">{doc.title}</span>}
        {!orphan && <Where docId={doc.id} unitId={unitId} />}
        <time dateTime={a.created}>{formatTime(a.created)}</time>
        <PlacementBadge annotation={a} />
      </div>
      {orphan ? (
        quote && <q className="quote">{quote}</q>
      ) : (
        <a className="quote-link" href={href} aria-label={`打开原文：${what}`}>
          {quote ? <q className="quote">{quote}</q> : unitId ? '打开本条' : '打开全文'}
        </a>
      )}
      {note && <Note text={note} />}
      <TagList tags={tags} />
      <div className="annot-entry-actions">
        {orphan && (
          <button type="button" onClick={reattach} aria-label={`重新定位${KIND_NAMES[kind]}：${what}`}>
            重新定位
          </button>
        )}
        <button type="button" onClick={onEdit} aria-expanded={editing} aria-label={`编辑${KIND_NAMES[kind]}：${what}`}>
          编辑
        </button>
        <button type="button" className="danger" onClick={onDelete} aria-label={`删除${KIND_NAMES[kind]}：${what}`}>
          删除
        </button>
      </div>
      {editing && <AnnotationEditor annotation={a} onSave={onSave} onDelete={onDelete} onClose={onClose} />}
    </article>
  );
}

/** The clause's citation within its document (第十条, （十）); 全文 for a bookmark of the whole document. */
function Where({ docId, unitId }: { docId: string; unitId: string | null }) {
  const loc = useUnitLocator(docId, unitId);
  const text = !unitId ? '全文' : loc === undefined ? '…' : loc || '';
  if (!text) return null;
  return (
    <span className="annot-where" data-testid="annot-where">
      {text}
    </span>
  );
}

function Note({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > LONG_NOTE_CHARS || text.split('\n').length > LONG_NOTE_LINES;
  return (
    <div className="note-wrap">
      <p className={long && !open ? 'note folded' : 'note'}>{text}</p>
      {long && (
        <button type="button" className="note-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? '收起笔记' : `展开笔记（共 ${text.length} 字）`}
        </button>
      )}
    </div>
  );
}
