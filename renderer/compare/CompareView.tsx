import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AlignedRow, Alignment } from '../../core/compare/align';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions } from '../../core/compare/diff';
import { CLAUSE_SIMILARITY_NAME, DOCUMENT_OVERLAP_NAME } from '../../core/compare/measures';
import { compareUnits, isPseudoUnitId, type CompareUnit } from '../../core/compare/units';
import type { PolicyDocument } from '../../core/corpus/types';
import { splitUnitId } from '../../core/corpus/unit-id';
import { compareHref, docHref } from '../routing/hash';
import { DiffText } from './DiffText';
import { CLAUSE_SIMILARITY_HELP, DOCUMENT_OVERLAP_HELP, pct, REWRITTEN_LABEL, STATUS_LABEL } from './labels';
import { differenceStops, listItems } from './rows';
import { useAlignment } from './useAlignment';
import './compare.css';

const PSEUDO_LABEL: Record<string, string> = { '#title': '标题', '#addressees': '主送', '#signature': '落款' };

function unitName(u: CompareUnit | undefined): string {
  if (!u) return '';
  const tail = splitUnitId(u.id).path;
  return PSEUDO_LABEL[tail] ?? (u.label || u.number || '段落');
}

function Cell({ row, side, doc, units }: { row: AlignedRow; side: 'a' | 'b'; doc: PolicyDocument; units: Map<string, CompareUnit> }) {
  const ids = side === 'a' ? row.a : row.b;
  if (!ids.length) return <div className={`cmp-cell cmp-${side} cmp-gap`} aria-label="此处无对应内容" />;
  const first = units.get(ids[0]);
  const name = ids.map((id) => unitName(units.get(id))).join(' + ');
  return (
    <div className={`cmp-cell cmp-${side}`}>
      <a className="cmp-unit-link" href={docHref(doc.id, isPseudoUnitId(ids[0]) ? null : ids[0])} aria-label={`在阅读视图中打开${side === 'a' ? '左侧' : '右侧'}${name}`}>
        {name}
      </a>
      <div className="cmp-text" lang="zh-CN">
        {/* A rewrite is read side by side: its text as printed, no marks (row.ops hold each side whole). */}
        {first && (row.rewritten ? row.ops.filter((op) => op[0] === (side === 'a' ? '-' : '+')).map((op) => op[1]).join('') : <DiffText ops={row.ops} side={side} />)}
      </div>
    </div>
  );
}

function RowMeta({ row, unitsB }: { row: AlignedRow; unitsB: Map<string, CompareUnit> }) {
  return (
    <div className="cmp-meta">
      <span className={`cmp-badge st-${row.status}`}>{STATUS_LABEL[row.status]}</span>
      {row.rewritten && (
        <span className="cmp-badge cmp-rewritten" title="两条措辞相同之处不多，逐字标记无助阅读，左右对照显示">
          {REWRITTEN_LABEL}
        </span>
      )}
      {row.status === 'moved' && row.b.length > 0 && <span className="cmp-note">右侧原在第 {(unitsB.get(row.b[0])?.index ?? 0) + 1} 段</span>}
      {row.renumbered && (
        <span className="cmp-note cmp-renumbered">
          编号：{row.renumbered.a} → {row.renumbered.b}
        </span>
      )}
      {row.split && <span className="cmp-note">{row.split === 'a-split' ? '左侧一条拆为右侧两条' : '左侧两条合为右侧一条'}</span>}
      {(row.status === 'changed' || row.status === 'moved') && (
        <span className="cmp-note" title={CLAUSE_SIMILARITY_HELP}>
          {CLAUSE_SIMILARITY_NAME} {pct(row.similarity)}
        </span>
      )}
    </div>
  );
}

const EMPTY: Alignment = {
  a: '',
  b: '',
  options: DEFAULT_DIFF_OPTIONS,
  summary: { same: 0, changed: 0, moved: 0, onlyA: 0, onlyB: 0, overlap: 0 },
  rows: [],
};

export function CompareView({ a, b }: { a: PolicyDocument; b: PolicyDocument }) {
  const [options, setOptions] = useState<DiffOptions>(DEFAULT_DIFF_OPTIONS);
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [current, setCurrent] = useState(-1);
  const aligned = useAlignment(a, b, options);
  // While a new alignment runs (options changed), the previous one stays on screen.
  const alignment = aligned.status === 'ready' ? aligned.alignment : aligned.status === 'running' ? (aligned.previous ?? EMPTY) : EMPTY;
  const running = aligned.status === 'running';
  const unitsA = useMemo(() => new Map(compareUnits(a).map((u) => [u.id, u])), [a]);
  const unitsB = useMemo(() => new Map(compareUnits(b).map((u) => [u.id, u])), [b]);
  const stops = useMemo(() => differenceStops(alignment.rows), [alignment]);
  const items = useMemo(() => listItems(alignment.rows, onlyDiffs, expanded), [alignment, onlyDiffs, expanded]);
  const s = alignment.summary;

  useEffect(() => {
    document.title = `比较：${a.title} ↔ ${b.title}`;
  }, [a.title, b.title]);

  const go = useCallback(
    (delta: 1 | -1) => {
      if (!stops.length) return;
      const next = current < 0 ? (delta > 0 ? 0 : stops.length - 1) : (current + delta + stops.length) % stops.length;
      setCurrent(next);
      const el = document.getElementById(`cmp-row-${stops[next]}`);
      el?.scrollIntoView({ block: 'center' });
      el?.focus({ preventScroll: true });
    },
    [current, stops],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      // Typing fields keep their keys; checkboxes and buttons do not type, so n/p still work after using a toggle.
      const typing = t && (/^(TEXTAREA|SELECT)$/.test(t.tagName) || (t.tagName === 'INPUT' && !/^(checkbox|radio|button)$/.test((t as HTMLInputElement).type)) || t.isContentEditable);
      if (e.ctrlKey || e.metaKey || e.altKey || typing) return;
      if (e.key === 'n') go(1);
      else if (e.key === 'p') go(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const setOption = (k: keyof DiffOptions, v: boolean) => {
    setOptions((o) => ({ ...o, [k]: v }));
    setCurrent(-1);
  };

  return (
    <div className="compare" data-testid="compare-view">
      <header className="cmp-header">
        <div className="cmp-titles">
          <a href={docHref(a.id)} className="cmp-title" aria-label={`左侧：${a.title}，在阅读视图中打开`}>
            <span className="cmp-side-tag">左</span>
            {a.title}
          </a>
          <a href={compareHref(b.id, a.id)} className="cmp-swap" aria-label="交换左右">
            ⇄
          </a>
          <a href={docHref(b.id)} className="cmp-title" aria-label={`右侧：${b.title}，在阅读视图中打开`}>
            <span className="cmp-side-tag">右</span>
            {b.title}
          </a>
        </div>
        <dl className="cmp-summary" data-testid="compare-summary" aria-label="比较摘要">
          <div>
            <dt>相同</dt>
            <dd>{s.same}</dd>
          </div>
          <div>
            <dt>有改动</dt>
            <dd>{s.changed}</dd>
          </div>
          <div>
            <dt>移动</dt>
            <dd>{s.moved}</dd>
          </div>
          <div>
            <dt>仅左侧</dt>
            <dd>{s.onlyA}</dd>
          </div>
          <div>
            <dt>仅右侧</dt>
            <dd>{s.onlyB}</dd>
          </div>
          <div title={DOCUMENT_OVERLAP_HELP}>
            <dt>{DOCUMENT_OVERLAP_NAME}</dt>
            <dd>{pct(s.overlap)}</dd>
          </div>
        </dl>
        <p className="cmp-legend">
          {DOCUMENT_OVERLAP_NAME}：{DOCUMENT_OVERLAP_HELP}；{CLAUSE_SIMILARITY_NAME}（每条）：{CLAUSE_SIMILARITY_HELP}。
        </p>
        {running && (
          <div className="cmp-progress" role="status" aria-live="polite">
            正在比较两篇文本…{aligned.progress !== null && ` ${pct(aligned.progress)}`}
            <progress max={1} value={aligned.progress ?? undefined} aria-label="比较进度" />
          </div>
        )}
        {aligned.status === 'error' && (
          <p className="cmp-error" role="alert">
            比较失败：{aligned.message}
          </p>
        )}
        <div className="cmp-tools">
          <button type="button" onClick={() => go(-1)} disabled={!stops.length} aria-keyshortcuts="p" title="上一处差异（p）">
            上一处差异
          </button>
          <button type="button" onClick={() => go(1)} disabled={!stops.length} aria-keyshortcuts="n" title="下一处差异（n）">
            下一处差异
          </button>
          <span className="cmp-position" aria-live="polite" data-testid="compare-position">
            {stops.length ? `差异 ${current + 1 > 0 ? current + 1 : '–'} / ${stops.length}` : '没有差异'}
          </span>
          <label>
            <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} />
            只看差异
          </label>
          <label>
            <input type="checkbox" checked={options.ignoreWidth && options.ignoreWhitespace} onChange={(e) => setOptions((o) => ({ ...o, ignoreWidth: e.target.checked, ignoreWhitespace: e.target.checked }))} />
            忽略全半角和空格
          </label>
          <label>
            <input type="checkbox" checked={options.ignoreNumbering} onChange={(e) => setOption('ignoreNumbering', e.target.checked)} />
            忽略编号
          </label>
        </div>
      </header>
      <div className="cmp-list" role="list" aria-label="逐条对照" aria-busy={running}>
        {items.map((item) => {
          if (item.kind === 'fold')
            return (
              <div key={`f${item.start}`} className="cmp-fold" role="listitem">
                <button type="button" onClick={() => setExpanded((e) => new Set(e).add(item.start))}>
                  展开 {item.count} 处相同条文
                </button>
              </div>
            );
          const row = alignment.rows[item.index];
          const isCurrent = current >= 0 && stops[current] === item.index;
          return (
            <div key={item.index} id={`cmp-row-${item.index}`} className={`cmp-row st-${row.status}${isCurrent ? ' is-current' : ''}`} role="listitem" tabIndex={-1} data-status={row.status}>
              {row.status !== 'same' && <RowMeta row={row} unitsB={unitsB} />}
              <Cell row={row} side="a" doc={a} units={unitsA} />
              <Cell row={row} side="b" doc={b} units={unitsB} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
