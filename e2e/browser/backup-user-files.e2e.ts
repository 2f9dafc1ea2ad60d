/**
 * The user's own files listed in an annotation file (issue 17, Storage), in
 * real Chromium with real IndexedDB: importing a file made on another computer,
 * whose annotations are on a 我的文件 document this library does not hold,
 * names that file in the result; the annotation is kept (and will be listed
 * under 未能定位 until the file is imported again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newAnnotation } from '../../core/annotations/create';
import { serializeAnnotationFile } from '../../core/annotations/file';
import { testDoc } from '../../test-support/annotation-fixtures';
import type { PreviewServer } from '../../scripts/preview-server';
import { stored } from './annotation-helpers';
import { corpusDir, openSession, type Session } from './harness';

let server: PreviewServer;
let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession(corpusDir(), {});
  ({ server, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('user files listed in an annotation file', () => {
  it('an import names the listed file this library lacks, and keeps its annotation', async () => {
    const doc = testDoc('u00000000e2e1', ['各地要切实抓好春耕生产，确保粮食面积稳定。'], '关于做好春耕生产工作的通知');
    const unit = doc.units[0];
    const a = newAnnotation({ motivation: 'highlighting', doc, unit, range: { start: 0, end: 8 }, colour: 'green', contentHash: 'another-computer', now: new Date(Date.now() - 60_000) });
    const file = serializeAnnotationFile([a], new Date(), [
      { name: '省政府春耕通知.pdf', sha256: 'c'.repeat(64), size: 48213, importedAt: new Date(Date.now() - 3_600_000).toISOString(), documents: [{ id: doc.id, title: doc.title }] },
    ]);
    await page.goto(`${server.url}#/annotations`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标注' }).click()]);
    await chooser.setFiles({ name: 'laptop.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect
      .poll(() => page.getByTestId('annot-toast').textContent())
      .toBe('已导入：新增 1 条，更新 0 条，0 条已存在未变。备份中有 1 个我的文件的标注：《关于做好春耕生产工作的通知》（省政府春耕通知.pdf）；请重新导入这些文件，在此之前其标注列于“未能定位”。');
    expect((await stored(page)).map((x) => x.id)).toEqual([a.id]);
  });
});
