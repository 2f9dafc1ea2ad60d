import type { Placement } from '../../core/import/placement';
import { RELATION_LABEL } from '../compare/labels';

/** "与《…》（国办发〔2022〕30号）高度相似：改编，42 条对应，12 条有改动" */
export function placementSentence(p: Placement): string {
  const who = `《${p.other.title}》${p.other.docNumber ? `（${p.other.docNumber}）` : ''}`;
  const counts = `${p.matched} 条对应，${p.changed} 条有改动`;
  if (p.relation === 'revision') return `是${who}的${p.importedIsNewer ? '新版本' : '旧版本'}：${RELATION_LABEL.revision}，${counts}`;
  const lead = p.relation === 'same' ? '内容相同' : p.relation === 'adaptation' ? '高度相似' : '部分相同';
  return `与${who}${lead}：${RELATION_LABEL[p.relation]}，${counts}`;
}

export const compareHref = (p: Placement, docId: string) => (p.importedIsNewer === false ? `#/compare/${docId}/${p.other.id}` : `#/compare/${p.other.id}/${docId}`);
