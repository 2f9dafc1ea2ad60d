import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationPatch } from '../../core/annotations/create';
import { COLOUR_NAMES, HIGHLIGHT_COLOURS, noteOf, tagsOf, type Annotation } from '../../core/annotations/model';
import { useAnnotationTags } from './hooks';


interface Props {
  annotation: Annotation;
  /** May resolve to the write's result: the editor then says 已保存 or 未能保存 (undefined counts as saved). */
  onSave(patch: AnnotationPatch): void | Promise<{ ok: boolean } | undefined>;
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
  /** What the last 保存笔记 did, said until the note is edited again. */
  const [saved, setSaved] = useState<'saving' | 'saved' | 'failed' | null>(null);
  const tags = tagsOf(annotation);
  const listId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const isBookmark = annotation.motivation === 'bookmarking';
  const colour = annotation['policyReader:colour'];

  // Follow the stored note when it changes (saved here or elsewhere), not every update of the annotation:
  // adding a tag or a colour rewrites the annotation and must not wipe the draft being typed.
  useEffect(() => setNote(stored), [stored]);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
  }, [focusNote]);

  const dirty = note !== stored;
  // Closing the popover by clicking elsewhere or navigating away keeps what was typed.
  const pending = useRef<() => void>(() => {});
  pending.current = () => dirty && onSave({ note });
  useEffect(() => () => pending.current(), []);
  const close = () => onClose();
  // Adding a tag writes only the tags: the note stays a draft until 保存笔记 (Enter in the tag field must not save it silently).
  const addTag = () => {
    const t = tagDraft.replace(/\s+/g, ' ').trim();
    if (!t) return;
    if (!tags.includes(t)) void onSave({ tags: [...tags, t] });
    setTagDraft('');
  };
  const saveNote = async () => {
    setSaved('saving');
    const r = await onSave({ note });
    setSaved(r && !r.ok ? 'failed' : 'saved');
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
        <textarea
          ref={noteRef}
          value={note}
          rows={4}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(null);
          }}
          aria-label="笔记"
          placeholder="写下笔记（可多行）"
        />
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
        <button type="button" onClick={() => void saveNote()} disabled={!dirty || saved === 'saving'}>
          保存笔记
        </button>
        <span className="annot-save-state" role="status" aria-live="polite">
          {saved === 'saved' && !dirty ? '已保存' : saved === 'failed' ? '未能保存，笔记仍在编辑框中' : dirty ? '笔记未保存' : ''}
        </span>
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
