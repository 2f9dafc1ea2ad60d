import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationPatch } from '../../core/annotations/create';
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, noteOf, tagsOf, type Annotation } from '../../core/annotations/model';
import { useAnnotationTags } from './hooks';


interface Props {
  annotation: Annotation;
  onSave(patch: AnnotationPatch): void;
  onDelete(): void;
  onClose(): void;
  focusNote?: boolean;
}

/**
 * Colour, note (plain text, several lines) and tags of one annotation, and
 * its deletion. Used by the popover in the text and by 我的标注. The note is a
 * draft until 保存笔记 or closing, so typing never writes on every key.
 */
export function AnnotationEditor({ annotation, onSave, onDelete, onClose, focusNote }: Props) {
  // Read only while an editor is open: the reading view and 我的标注 need no full tag list otherwise.
  const tagCounts = useAnnotationTags();
  const stored = noteOf(annotation);
  const [note, setNote] = useState(stored);
  const [tagDraft, setTagDraft] = useState('');
  const tags = tagsOf(annotation);
  const listId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const isBookmark = annotation.motivation === 'bookmarking';
  const colour = annotation['policyReader:colour'];

  useEffect(() => setNote(noteOf(annotation)), [annotation]);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
  }, [focusNote]);

  const dirty = note !== stored;
  // Closing the popover by clicking elsewhere or navigating away keeps what was typed.
  const pending = useRef<() => void>(() => {});
  pending.current = () => dirty && onSave({ note });
  useEffect(() => () => pending.current(), []);
  const close = () => onClose();
  const addTag = () => {
    const t = tagDraft.replace(/\s+/g, ' ').trim();
    if (!t) return;
    if (!tags.includes(t)) onSave({ tags: [...tags, t], ...(dirty ? { note } : {}) });
    setTagDraft('');
  };
  const onTagKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addTag();
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="annot-editor" onKeyDown={onKey}>
      {!isBookmark && (
        <div className="annot-colours" role="group" aria-label="颜色">
          {HIGHLIGHT_COLOURS.map((c) => (
            <button key={c} type="button" className={`swatch sw-${c}`} aria-label={`颜色：${COLOUR_NAMES[c]}`} aria-pressed={colour === c} title={COLOUR_NAMES[c]} onClick={() => onSave({ colour: c })} />
          ))}
        </div>
      )}
      <label className="annot-field">
        <span>笔记</span>
        <textarea ref={noteRef} value={note} rows={4} onChange={(e) => setNote(e.target.value)} aria-label="笔记" placeholder="写下笔记（可多行）" />
      </label>
      <div className="annot-tags">
        <ul aria-label="标签">
          {tags.map((t) => (
            <li key={t} className="tag">
              {t}
              <button type="button" aria-label={`删除标签：${t}`} title="删除标签" onClick={() => onSave({ tags: tags.filter((x) => x !== t) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input type="text" value={tagDraft} list={listId} onChange={(e) => setTagDraft(e.target.value)} onKeyDown={onTagKey} aria-label="添加标签" placeholder="添加标签，回车确认" />
        <datalist id={listId}>
          {(tagCounts ?? [])
            .filter((t) => !tags.includes(t.value))
            .map((t) => (
              <option key={t.value} value={t.value} />
            ))}
        </datalist>
        <button type="button" onClick={addTag} disabled={!tagDraft.trim()}>
          添加
        </button>
      </div>
      <div className="annot-editor-actions">
        <button type="button" onClick={() => onSave({ note })} disabled={!dirty}>
          保存笔记
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            pending.current = () => {};
            onDelete();
          }}
        >
          删除标注
        </button>
        <button type="button" onClick={close}>
          关闭
        </button>
      </div>
    </div>
  );
}
