/**
 * Above a document of 我的文件: where it came from, how it was placed on
 * arrival (with 比较), a small form to correct what was recognised (title,
 * 文号, issuer, date, region, kind — a recognition can be wrong and the user
 * knows better), and 移除 (its annotations become orphans, never dropped).
 */
import { useEffect, useState } from 'react';
import type { DocKind, PolicyDocument } from '../../core/corpus/types';
import { DOC_KINDS } from '../../core/corpus/types';
import { navigate } from '../hooks/useRoute';
import { EMPTY_FILTERS } from '../routing/hash';
import { notify } from '../components/notices';
import { type DocEdits, type UserDocRow, removeUserFile, saveDocEdits, userDocRow } from '../platform/userLibrary';
import { applyEdits, userLibraryChanged } from '../data/userLibrary';
import { compareHref, placementSentence } from './placementText';
import { CarryOverOffer } from './CarryOverOffer';
import './import.css';

function EditForm({ row, onDone }: { row: UserDocRow; onDone: (message: string) => void }) {
  const doc = applyEdits(row.doc, row.edits);
  const [title, setTitle] = useState(doc.title);
  const [docNumber, setDocNumber] = useState(doc.docNumber ?? '');
  const [issuer, setIssuer] = useState(doc.issuer);
  const [date, setDate] = useState(doc.date ?? '');
  const [province, setProvince] = useState(doc.region.province ?? '');
  const [city, setCity] = useState(doc.region.city ?? '');
  const [kind, setKind] = useState<DocKind>(doc.kind);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError('标题不能为空');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('日期格式应为 2024-03-01');
    const region: PolicyDocument['region'] =
      province.trim() === doc.region.province && (city.trim() || null) === doc.region.city
        ? doc.region
        : { level: province.trim() ? (city.trim() ? 'city' : 'province') : 'unknown', province: province.trim() || null, city: city.trim() || null };
    const edits: DocEdits = { title, docNumber: docNumber || null, issuer, date: date || null, kind, region };
    try {
      await saveDocEdits(row.id, edits);
      userLibraryChanged();
      onDone('已保存');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="编辑文件信息">
      <label htmlFor="ud-title">标题</label>
      <input id="ud-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="ud-number">文号</label>
      <input id="ud-number" value={docNumber} onChange={(e) => setDocNumber(e.target.value)} />
      <label htmlFor="ud-issuer">发文机关</label>
      <input id="ud-issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)} />
      <label htmlFor="ud-date">日期</label>
      <input id="ud-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <label htmlFor="ud-province">省份</label>
      <input id="ud-province" value={province} onChange={(e) => setProvince(e.target.value)} placeholder="如 上海市" />
      <label htmlFor="ud-city">城市</label>
      <input id="ud-city" value={city} onChange={(e) => setCity(e.target.value)} />
      <label htmlFor="ud-kind">类型</label>
      <select id="ud-kind" value={kind} onChange={(e) => setKind(e.target.value as DocKind)}>
        {DOC_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <span />
      <div className="actions">
        <button type="submit">保存</button>
        {error && <span role="alert">{error}</span>}
      </div>
    </form>
  );
}

export function UserDocPanel({ docId }: { docId: string }) {
  const [row, setRow] = useState<UserDocRow | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    userDocRow(docId).then((r) => live && setRow(r), () => undefined);
    return () => {
      live = false;
    };
  }, [docId, editing]);
  if (!row) return null;
  const remove = async () => {
    if (!window.confirm(`从我的文件中移除《${applyEdits(row.doc, row.edits).title}》？它的标注会保留在“我的标注”的“未能定位”下。`)) return;
    try {
      const orphaned = await removeUserFile(row.fileHash);
      userLibraryChanged();
      navigate({ name: 'library', filters: EMPTY_FILTERS });
      notify(orphaned ? `已移除。${orphaned} 条标注保留在“我的标注 › 未能定位”。` : '已移除。');
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="user-doc-panel" aria-label="我的文件" data-testid="user-doc-panel">
      <div>
        <strong>我的文件</strong>：导入自 {row.doc.sources[0]?.file ?? '本地文件'}
        {row.placements.map((p) => (
          <div key={p.other.id} data-testid="user-doc-placement">
            {placementSentence(p)} <a href={compareHref(p, row.id)}>比较</a>
            {p.relation === 'revision' && p.importedIsNewer && <CarryOverOffer docId={row.id} placement={p} />}
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          编辑信息
        </button>
        <button type="button" onClick={remove}>
          移除
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {editing && (
        <EditForm
          row={row}
          onDone={(m) => {
            setMessage(m);
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}
