import type { TitleSource } from '../../core/corpus/types';

const NOTE: Partial<Record<TitleSource, { label: string; title: string }>> = {
  'running-header': { label: '（标题取自页眉）', title: '原文缺少标题行，此标题取自页面页眉' },
  'trailing-title': { label: '（标题位于首段之后）', title: '原文标题印在首段之后，已移至此处' },
  inferred: { label: '（推断标题）', title: '原文无标题，此标题由其他信息推断' },
};

/** Says how a title was obtained when it is not the document's own title line. */
export function TitleProvenance({ source }: { source: TitleSource }) {
  const note = NOTE[source];
  if (!note) return null;
  return (
    <span className="inferred" data-title-source={source} title={note.title}>
      {note.label}
    </span>
  );
}
