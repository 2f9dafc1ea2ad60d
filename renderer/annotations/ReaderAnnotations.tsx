/**
 * Annotations in the reading view, composed from one hook per concern: the
 * document's annotations placed in the text (useDocAnnotationEntries), the
 * painted highlights (paint), the selection toolbar, clicks on highlights, the
 * popover, the commands, the keys and the menu. ReaderView mounts it with the
 * view's store (readerState) and a ref to the rendered clauses.
 */
import { createPortal } from 'react-dom';
import { useCallback, useState, type RefObject } from 'react';
import { kindOf, unitIdOf } from '../../core/annotations/model';
import type { PolicyDocument } from '../../core/corpus/types';
import { unitBodyText } from '../../core/corpus/units';
import type { FlatUnit } from '../reader/units';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationPanel } from './AnnotationPanel';
import { update } from './actions';
import { useHighlightPainter } from './paint';
import { ReattachBanner } from './ReattachBanner';
import { useReaderAnnotationStore } from './readerState';
import { SelectionToolbar } from './SelectionToolbar';
import { UndoToast, useUndoToast } from './UndoToast';
import { useAnnotationCommands } from './useAnnotationCommands';
import { useAnnotationKeys, useAnnotationMenu } from './useAnnotationKeys';
import { useAnnotationPopover } from './useAnnotationPopover';
import { useDocAnnotationEntries, usePublishUnitStates } from './useDocAnnotationEntries';
import { useHighlightClicks } from './useHighlightClicks';
import { useSelectionToolbar } from './useSelectionToolbar';
import { useKeyboardSelection } from './useKeyboardSelection';
import './annotations.css';

interface Props {
  doc: PolicyDocument;
  flat: FlatUnit[];
  /** The element holding the rendered clauses. */
  unitsRef: RefObject<HTMLElement | null>;
}

export function ReaderAnnotations({ doc, flat, unitsRef }: Props) {
  const store = useReaderAnnotationStore();
  const root = useCallback(() => unitsRef.current, [unitsRef]);
  const data = useDocAnnotationEntries(doc.id, flat);
  usePublishUnitStates(store, data.entries);
  const painted = useHighlightPainter(root, data.spans, data.startsOf);
  const { shown, show, hide } = useUndoToast();
  const { sel, now: selNow, clear } = useSelectionToolbar(root, data.bodies);
  const { popover, setPopover, openPopoverFor, close } = useAnnotationPopover(painted);
  useHighlightClicks(root, data.spans, data.bodies, painted, openPopoverFor);
  const cmd = useAnnotationCommands({ doc, store, data, root, sel, selNow, clearSelection: clear, show, setPopover, openPopoverFor });
  useAnnotationKeys(cmd.command);
  useAnnotationMenu(cmd.command);
  const bodyText = useCallback((id: string) => { const u = data.index.get(id)?.f.unit; return u ? unitBodyText(u) : ''; }, [data.index]);
  useKeyboardSelection({ root, bodies: data.bodies, clauseWithText: cmd.clauseWithText, bodyText, selected: sel?.span ?? null });
  const [panelOpen, setPanelOpen] = useState(false);

  const open = popover ? data.annotations.find((a) => a.id === popover.id) : undefined;
  // Closed from inside the editor (Esc, 关闭, 删除): the focus goes back to its clause, not to the page.
  const closeToClause = () => {
    const unitId = open ? unitIdOf(open) : null;
    close();
    if (unitId) document.getElementById(unitId)?.focus({ preventScroll: true });
  };

  return (
    <>
      {sel && (
        <SelectionToolbar
          place={sel.place}
          lastColour={cmd.lastColour}
          onHighlight={(c) => void cmd.highlight(c)}
          onNote={() => void cmd.highlight(cmd.lastColour, true)}
          onBookmark={() => void cmd.bookmarkUnit(sel.span.unitId)}
          onCopy={() => void cmd.copyQuote()}
        />
      )}
      {popover &&
        open &&
        createPortal(
          <div className="annot-popover" role="dialog" aria-label="编辑标注" data-annot-ui="" style={{ top: popover.top, left: popover.left }}>
            <AnnotationEditor
              annotation={open}
              focusNote={popover.focusNote}
              onSave={(p) => void update(open.id, p)}
              onDelete={() => {
                closeToClause();
                void cmd.remove(open, kindOf(open) === 'note' ? '笔记' : '高亮');
              }}
              onClose={closeToClause}
            />
          </div>,
          document.body,
        )}
      <ReattachBanner doc={doc} selection={sel?.span ?? null} unitOf={(id) => data.index.get(id)?.f.unit ?? null} onDone={show} />
      <button type="button" className="annot-panel-toggle" data-annot-ui="" aria-pressed={panelOpen} aria-expanded={panelOpen} aria-label="标注" title="本文的书签、高亮和笔记" onClick={() => setPanelOpen((o) => !o)}>
        标注{data.entries.length ? ` ${data.entries.length}` : ''}
      </button>
      {panelOpen && <AnnotationPanel doc={doc} entries={data.entries} onClose={() => setPanelOpen(false)} />}
      <UndoToast shown={shown} hide={hide} />
    </>
  );
}
