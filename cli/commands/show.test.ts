/**
 * `policy-reader show` prints a document's text as the source prints it, on a
 * corpus built from the real raw files (resources/corpus/raw).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../io.js';
import { main } from '../policy-reader.js';
import { DEFAULT_CORPUS_DIR } from '../corpus-files.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (t) => out.push(t), err: (t) => err.push(t), stdinIsTTY: true, async *stdinLines() {} };
  return { io, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-show-'));
  await cp(path.join(DEFAULT_CORPUS_DIR, 'raw'), path.join(dir, 'raw'), { recursive: true });
  expect(await main(['build', '--corpus', dir, '--quiet'], capture().io)).toBe(0);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function show(title: string): Promise<string[]> {
  const l = capture();
  await main(['list', '--json', '--corpus', dir], l.io);
  const d = JSON.parse(l.out.join('\n')).find((x: { title: string }) => x.title === title);
  expect(d, title).toBeTruthy();
  const c = capture();
  expect(await main(['show', d.id, '--corpus', dir], c.io)).toBe(0);
  return c.out;
}

describe('policy-reader show', () => {
  it('prints an article split into 款 as printed: 第十一条【监督检查】市、区…, never 第一款', async () => {
    const out = await show('上海市住房和城乡建设管理委员会关于印发《上海市建筑工程施工许可管理规定》的通知');
    const text = out.join('\n');
    expect(text).not.toMatch(/第[一二三四五六七八九十]+款/);
    const at = out.findIndex((l) => l.trim().startsWith('第十一条'));
    expect(out[at].trim()).toMatch(/^第十一条【监督检查】市、区建设行政管理部门和特定地区管委会应当加强施工许可的事中事后监管。/);
    // The second 款 is the next paragraph, at the same depth as the first.
    expect(out[at + 1].trim()).toMatch(/^发现未取得施工许可证，为规避办理施工许可证/);
    expect(out[at + 1].length - out[at + 1].trimStart().length).toBe(out[at].length - out[at].trimStart().length);
    // An item keeps its printed marker.
    expect(text).toMatch(/\n +（一）依法应当办理用地批准手续的，已经取得建设用地批准文件；/);
  });

  it('opens an unsplit article with its number and a full-width space, as the regulation prints it', async () => {
    const out = await show('青岛市政务服务管理办法');
    expect(out.some((l) => /^\s*第六十一条　\S/.test(l))).toBe(true);
    expect(out.join('\n')).not.toMatch(/第六十一条\n/);
  });
});

describe('policy-reader show: the signature where the document prints it', () => {
  it('prints whom it is sent to, flush left above the text, as the notice prints it', async () => {
    const out = await show('厦门市人民政府办公厅关于印发2023年首批营商环境提升重点任务清单的通知');
    const at = out.indexOf('各区人民政府，市直各委、办、局，各开发区管委会，各有关单位：');
    expect(at).toBeGreaterThan(2);
    expect(out[at - 1]).toBe('');
    expect(out[at + 1]).toMatch(/^为贯彻落实2023年全国优化营商环境现场会的部署要求/);
  });

  it('under the last paragraph and above the 附注: 厦门市人民政府办公厅, 2023年5月28日, then （此件主动公开）', async () => {
    const out = (await show('厦门市人民政府办公厅关于印发2023年首批营商环境提升重点任务清单的通知')).map((l) => l.trim());
    const office = out.lastIndexOf('厦门市人民政府办公厅');
    expect(office).toBeGreaterThan(3);
    // The request to report monthly is the notice's last paragraph, set off from the signature by a blank line.
    expect(out[office - 2]).toMatch(/由市营商办汇总上报市政府。$/);
    expect(out[office - 1]).toBe('');
    expect(out.slice(office + 1, office + 3)).toEqual(['2023年5月28日', '（此件主动公开）']);
  });

  it('last when nothing is printed under it: two issuing bodies and the date close 山东省能源局 and 国网山东省电力公司 joint notice', async () => {
    const out = (await show('山东省能源局国网山东省电力公司关于进一步做好优化用电营商环境相关工作的通知')).map((l) => l.trim());
    expect(out.slice(-4)).toEqual(['', '山东省能源局', '国网山东省电力公司', '2023年2月10日']);
  });

  it('none for a regulation that prints none: 青岛市政务服务管理办法 ends with its last article', async () => {
    const out = await show('青岛市政务服务管理办法');
    expect(out.at(-1)).toMatch(/^\s*第六十一条　本办法自2023年7月1日起施行/);
  });
});
