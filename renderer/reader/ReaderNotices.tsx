/** What the reading view says when there is nothing to show where the reader expected text. */
import type { PolicyDocument } from '../../core/corpus/types';
import { docHref } from '../routing/hash';

/** A document with a title but no body: say what is missing and why, in place of the text. */
export function BodyMissingNotice({ doc }: { doc: PolicyDocument }) {
  const why =
    doc.bodyMissing?.reason === 'blank-pages'
      ? '原始文件中这篇文件的页面是空白的（多为扫描图片，没有可提取的文字）。'
      : '原始文件中只有这篇文件的标题，没有可提取的正文文字。';
  return (
    <section className="reader-notice" role="note" data-testid="body-missing" aria-label="没有正文">
      <h2>本文没有正文</h2>
      <p>{why}</p>
      <p>标题、发文机关和出处见上方；需要全文时，请按“来源”查阅原件。</p>
    </section>
  );
}

/** A link to a clause this document does not have (renumbered, or a bad link). */
export function MissingClauseNotice({ doc, unitId }: { doc: PolicyDocument; unitId: string }) {
  const path = unitId.startsWith(`${doc.id}~`) ? unitId.slice(doc.id.length + 1) : unitId;
  return (
    <section className="reader-notice" role="alert" data-testid="missing-clause">
      <h2>找不到链接指向的条文</h2>
      <p>
        本文中没有这一条（{path}）：链接可能有误，或条文编号在本版语料库中已经改变。下面是全文，
        <a href={docHref(doc.id)}>从头阅读本文</a>。
      </p>
    </section>
  );
}
