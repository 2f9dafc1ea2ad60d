import { describe, expect, it } from 'vitest';
import { decodeRaw, sampleStats } from './decode.js';
import { MAX_LINE_CHARS, toLines } from './lines.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
// "第一条 本办法适用于青岛市政务服务。" encoded as GB18030
const GB = 'b5dad2bbccf520b1beb0ecb7a8cacad3c3d3dac7e0b5bacad0d5fecef1b7fecef1a1a3';

describe('decodeRaw', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const r = decodeRaw(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('第一条\r\n第二条')]));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', text: '第一条\n第二条' });
  });
  it('falls back to GB18030 for GBK text and says so', () => {
    const r = decodeRaw(hex(GB));
    expect(r.ok && r.text).toBe('第一条 本办法适用于青岛市政务服务。');
    expect(r.ok && r.warnings.join()).toMatch(/GB18030/);
  });
  it('reads UTF-16 with a BOM', () => {
    const body = '通知';
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < body.length; i++) {
      bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(decodeRaw(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le', text: '通知' });
  });
  it('rejects empty and binary files with a reason', () => {
    expect(decodeRaw(new Uint8Array())).toEqual({ ok: false, reason: '文件是空的' });
    const r = decodeRaw(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/二进制数据/);
  });
  it('rejects bytes that are neither UTF-8 nor Chinese GB18030', () => {
    const r = decodeRaw(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x80))));
    expect(r.ok).toBe(false);
  });
  it('rejects a UTF-16 file of random bytes, and one of random Chinese characters, naming why', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const bytes = new Uint8Array(4002).map((_, i) => (i === 0 ? 0xff : i === 1 ? 0xfe : Math.floor(rnd() * 256)));
    const r = decodeRaw(bytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/UTF-16.*不属于公文所用的文字和符号/);
    const units = Array.from({ length: 400 }, () => 0x4e00 + Math.floor(rnd() * 0x5000));
    const han = new Uint8Array(2 + units.length * 2);
    han.set([0xff, 0xfe]);
    units.forEach((u, i) => han.set([u & 0xff, u >> 8], 2 + i * 2));
    const h = decodeRaw(han);
    expect(!h.ok && h.reason).toMatch(/生僻字/);
  });
  it('tells Big5 from GB18030 by which reading gives common characters', () => {
    // "第一條 為規範本市政務服務，優化營商環境，制定本辦法。" in Big5
    const BIG5 = 'b2c4a440b1f820acb0b357bd64a5bba5abac46b0c8aa41b0c8a141c075a4c6c0e7b0d3c0f4b9d2a141a8eea977a5bbbfecaa6ba143';
    const r = decodeRaw(hex(BIG5.repeat(4)));
    expect(r).toMatchObject({ ok: true, encoding: 'big5' });
    expect(r.ok && r.text.slice(0, 27)).toBe('第一條 為規範本市政務服務，優化營商環境，制定本辦法。');
    expect(r.ok && r.warnings.join()).toMatch(/Big5/);
    expect(decodeRaw(hex(GB.repeat(4)))).toMatchObject({ ok: true, encoding: 'gb18030' });
  });
  it('reads an otherwise valid UTF-8 file with one invalid byte, replacing it and naming its line', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `第${i + 1}条 本办法适用于青岛市行政区域内的政务服务活动。`);
    const bytes = utf8(lines.join('\n'));
    const at = bytes.indexOf(0x0a, Math.floor(bytes.length / 2)) + 4; // inside line 1502, after its first character
    const lineNo = utf8(lines.join('\n')).subarray(0, at).filter((b) => b === 0x0a).length + 1;
    const broken = new Uint8Array(bytes);
    broken[at] = 0xff;
    const r = decodeRaw(broken);
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' });
    if (!r.ok) return;
    expect(r.warnings.join()).toContain(`第 ${lineNo} 行`);
    expect(r.warnings.join()).toMatch(/无效的 UTF-8 字节/);
    const out = r.text.split('\n');
    expect(out).toHaveLength(3000);
    expect(out[lineNo - 1]).toContain('\ufffd');
    // Every other line is read exactly.
    expect(out.filter((l, i) => l !== lines[i])).toHaveLength(1);
  });
  it('does not read GBK text as UTF-8 with replacements, even when it is mostly ASCII', () => {
    expect(decodeRaw(hex(GB))).toMatchObject({ ok: true, encoding: 'gb18030' });
    const mostlyAscii = new Uint8Array([...utf8('Article 1 (2024) '.repeat(20)), ...hex('b5dad2bbccf5')]);
    expect(decodeRaw(mostlyAscii)).not.toMatchObject({ ok: true, encoding: 'utf-8' });
  });
  it('keeps raw line numbers when it splits an enormous line', () => {
    const { lines, splitLines } = toLines(`第一行\n${'政'.repeat(MAX_LINE_CHARS * 2 + 5)}\n第三行`);
    expect(splitLines).toBe(1);
    expect(lines.map((l) => [l.no, l.text.length])).toEqual([[1, 3], [2, MAX_LINE_CHARS], [2, MAX_LINE_CHARS], [2, 5], [3, 3]]);
  });
  it('splits a line of long runs of spaces in linear time (trailing space is not found by a backtracking regex)', () => {
    // 300,000 spaces between words took 37 s when each line was trimmed with /[\s\u3000]+$/ before splitting.
    const run = ' '.repeat(100_000);
    const { lines } = toLines(`第一条${run}第二条${run}第三条${run}第四条 \u3000\n末行`);
    expect(lines.filter((l) => l.no === 1).map((l) => l.text).join('')).toBe(`第一条${run}第二条${run}第三条${run}第四条`);
    expect(lines.at(-1)).toMatchObject({ no: 2, text: '末行' });
  });
});

describe('decodeRaw: encodings and line ends', () => {
  const utf16 = (s: string, bigEndian: boolean) => {
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const [hi, lo] = [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff];
      bytes.set(bigEndian ? [hi, lo] : [lo, hi], 2 + i * 2);
    }
    return bytes;
  };

  it('reads UTF-16 big-endian with its byte order mark', () => {
    expect(decodeRaw(utf16('第一条 本办法适用于青岛市政务服务。', true))).toEqual({ ok: true, encoding: 'utf-16be', text: '第一条 本办法适用于青岛市政务服务。', warnings: [] });
  });

  it('rejects a UTF-16 file of white space, or of characters no policy text uses, saying why', () => {
    expect(decodeRaw(utf16(' \u3000\n\t', false))).toEqual({ ok: false, reason: '文件开头标明是 UTF-16 编码，但按 UTF-16 读不出正常文字（没有可见的字符）' });
    // Two of four visible characters are from the Private Use Area.
    expect(decodeRaw(utf16('通知 \ue000\ue001', false))).toEqual({ ok: false, reason: '文件开头标明是 UTF-16 编码，但按 UTF-16 读不出正常文字（50% 的字符不属于公文所用的文字和符号）' });
  });

  it('reads a UTF-16 file of mostly English text with a few Chinese characters, which are too few to judge by', () => {
    const title = 'Regulations on Optimizing the Business Environment 优化营商环境条例';
    expect(decodeRaw(utf16(title, false))).toMatchObject({ ok: true, encoding: 'utf-16le', text: title });
  });

  it('rejects a scanned page saved as JPEG as binary, not as UTF-16 (it starts with 0xFF)', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
    expect(decodeRaw(jpeg)).toEqual({ ok: false, reason: '文件含 NUL 或控制字节，是二进制数据，不是提取出的文字' });
  });

  it('rejects a UTF-16 file whose text is NUL characters more than once in a thousand, and drops a stray one', () => {
    const text = '第一条 本办法适用于青岛市政务服务。'.repeat(3);
    expect(decodeRaw(utf16(`${text}\u0000`, false))).toEqual({ ok: false, reason: '文件解码后含大量 NUL 控制字符，不是文本文件' });
    const long = `${text}\n`.repeat(60);
    expect(decodeRaw(utf16(`${long}\u0000`, false))).toMatchObject({ ok: true, encoding: 'utf-16le', text: long, warnings: ['第 61 行含 NUL 控制字符（PDF 提取时偶有残留），已删除，其余照常读取'] });
  });

  it('ends lines at CR LF and at a lone CR, as old Mac files do', () => {
    expect(decodeRaw(utf8('第一条 本办法适用于青岛市。\r第二条 本办法自公布之日起施行。\r\n第三条'))).toMatchObject({ ok: true, text: '第一条 本办法适用于青岛市。\n第二条 本办法自公布之日起施行。\n第三条' });
  });

  it('says when a file has almost no Chinese text, and not when it has', () => {
    // 2 Chinese characters of 57 visible ones.
    const english = 'Regulations on Optimizing the Business Environment (营商)\nArticle 1';
    expect(decodeRaw(utf8(english))).toEqual({ ok: true, encoding: 'utf-8', text: english, warnings: ['文件中几乎没有中文文字'] });
    expect(decodeRaw(utf8('Article 1 第一条 本办法适用于青岛市。'))).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('decodeRaw: where the plausibility thresholds fall', () => {
  // Through a UTF-16 BOM, where an implausible text is refused (not guessed at), so each limit shows as ok/refused.
  const utf16le = (s: string) => {
    const b = new Uint8Array(2 + s.length * 2);
    b.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) b.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
    return b;
  };
  // Common characters (in the common-hanzi list) and rare ones (checked absent from it by hand).
  const common = (n: number) => '通知本办法'.repeat(n).slice(0, n);
  const rare = (n: number) => '龘靐齉爩鬯麤'.repeat(n).slice(0, n);
  const PUA = '\ue000';

  it('refuses more than 5 % of visible characters outside the scripts of policy text, not exactly 5 %', () => {
    // 1 odd of 20 visible = 5 %: read. 1 of 19 = 5.3 %: refused. White space counts for neither.
    expect(decodeRaw(utf16le(common(19) + PUA))).toMatchObject({ ok: true });
    expect(decodeRaw(utf16le(common(9) + ' \n' + common(10) + PUA))).toMatchObject({ ok: true });
    expect(decodeRaw(utf16le(common(18) + PUA))).toEqual({ ok: false, reason: '文件开头标明是 UTF-16 编码，但按 UTF-16 读不出正常文字（5% 的字符不属于公文所用的文字和符号）' });
  });

  it('refuses Chinese characters under 30 % common, from 20 of them; 30 % exactly, or 19 rare ones, is read', () => {
    const refused = { ok: false, reason: '文件开头标明是 UTF-16 编码，但按 UTF-16 读不出正常文字（其中的汉字几乎都是生僻字）' };
    expect(decodeRaw(utf16le(common(6) + rare(14)))).toMatchObject({ ok: true });
    expect(decodeRaw(utf16le(common(5) + rare(15)))).toEqual(refused);
    expect(decodeRaw(utf16le(rare(19)))).toMatchObject({ ok: true });
    expect(decodeRaw(utf16le(rare(20)))).toEqual(refused);
  });

  it('warns of almost no Chinese text under 5 % of visible characters, not at 5 %', () => {
    expect(decodeRaw(utf8('法' + 'a'.repeat(19)))).toMatchObject({ ok: true, warnings: [] });
    expect(decodeRaw(utf8('法' + 'a'.repeat(20)))).toMatchObject({ ok: true, warnings: ['文件中几乎没有中文文字'] });
  });
});

describe('decodeRaw: control bytes', () => {
  it('reads text with the tabs of a table and the form feeds pdftotext puts between pages', () => {
    const text = '序号\t事项名称\t承办部门\n1\t企业开办\t市场监管局\n2\t工程建设项目审批\t住建局\n\f第二条 本办法适用于本市。\f';
    expect(decodeRaw(utf8(text))).toMatchObject({ ok: true, encoding: 'utf-8', text });
  });
  const page = '第一条 本办法适用于青岛市政务服务。'.repeat(4);
  const binary = { ok: false, reason: '文件含 NUL 或控制字节，是二进制数据，不是提取出的文字' };
  it('tolerates one stray control byte in a page of text', () => {
    const bytes = utf8(`${page}\u001f${page}`);
    expect(decodeRaw(bytes)).toMatchObject({ ok: true, encoding: 'utf-8', text: `${page}\u001f${page}` });
  });
  it('takes a file with many control bytes, low (BEL, NUL) or high (ESC), for binary', () => {
    expect(decodeRaw(utf8(page).map((b, i) => (i % 10 === 0 ? 0x07 : b)))).toEqual(binary);
    expect(decodeRaw(utf8(page).map((b, i) => (i % 10 === 0 ? 0x1b : b)))).toEqual(binary);
    expect(decodeRaw(utf8(page).map((b, i) => (i % 10 === 0 ? 0x00 : b)))).toEqual(binary);
  });
  it('drops a NUL that PDF extraction left in a page of text, naming its line, and rejects text with many', () => {
    // (pdf.js left one NUL in the 53 KB of a real compilation of four regulations: the whole file was skipped.)
    const lines = Array.from({ length: 40 }, () => page);
    lines[16] = `${page}\u0000`;
    expect(decodeRaw(utf8(lines.join('\n')))).toEqual({
      ok: true,
      encoding: 'utf-8',
      text: Array.from({ length: 40 }, () => page).join('\n'),
      warnings: ['第 17 行含 NUL 控制字符（PDF 提取时偶有残留），已删除，其余照常读取'],
    });
    // One in a thousand characters is still a stray (999 and the NUL).
    const thousand = `${'第一条本办法适用于青岛市政务服务'.repeat(62)}第一条本办法适`;
    expect(decodeRaw(utf8(`${thousand}\u0000`))).toMatchObject({ ok: true, text: thousand });
    // One a line (one in 73 characters): not binary by its bytes, but not text either.
    const dense = Array.from({ length: 40 }, () => `${page}\u0000`).join('\n');
    expect(decodeRaw(utf8(dense))).toEqual({ ok: false, reason: '文件解码后含大量 NUL 控制字符，不是文本文件' });
  });
});

describe('decodeRaw: a few invalid UTF-8 bytes', () => {
  // 60 lines of 21 Chinese characters: 1,260 read validly.
  const sentence = '本办法适用于青岛市行政区域内的政务服务活动。';
  const withBadBytes = (lines: string[], bad: Set<number>, eol: string) => {
    const parts: number[] = [];
    lines.forEach((l, i) => {
      if (i) parts.push(...utf8(eol));
      if (bad.has(i + 1)) parts.push(0xff);
      parts.push(...utf8(l));
    });
    return new Uint8Array(parts);
  };

  it('names the first ten lines with bad bytes and how many there are, counting lines as the parser does', () => {
    const lines = Array.from({ length: 60 }, () => sentence);
    const bad = new Set([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    const warning = '第 2、4、6、8、10、12、14、16、18、20 等 12 行含无效的 UTF-8 字节，已替换为 \ufffd（文件其余部分是有效的 UTF-8，照常读取）';
    for (const eol of ['\n', '\r\n', '\r']) {
      const r = decodeRaw(withBadBytes(lines, bad, eol));
      expect(r).toMatchObject({ ok: true, encoding: 'utf-8', warnings: [warning] });
      expect(r.ok && r.text.split('\n')[1]).toBe(`\ufffd${sentence}`);
    }
  });

  it('names ten lines without 等', () => {
    const lines = Array.from({ length: 60 }, () => sentence);
    const r = decodeRaw(withBadBytes(lines, new Set([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]), '\n'));
    expect(r).toMatchObject({ ok: true, warnings: ['第 2、4、6、8、10、12、14、16、18、20 行含无效的 UTF-8 字节，已替换为 \ufffd（文件其余部分是有效的 UTF-8，照常读取）'] });
  });

  it('tolerates one bad byte per hundred Chinese characters, not one more', () => {
    // 22 + 22 + 21 + 21 + 14 = 100 Chinese characters.
    const lines = ['县级以上人民政府应当加强对政务服务工作的领导，', '县级以上人民政府应当加强对政务服务工作的领导，', sentence, sentence, '第一条 本办法适用于青岛市政务。'];
    expect(decodeRaw(withBadBytes(lines, new Set([3]), '\n'))).toMatchObject({ ok: true, encoding: 'utf-8', warnings: ['第 3 行含无效的 UTF-8 字节，已替换为 \ufffd（文件其余部分是有效的 UTF-8，照常读取）'] });
    // 99: the bad byte is no longer one in a hundred, and 0xff is no GB18030 or Big5 byte either.
    const fewer = [...lines.slice(0, 4), '第一条 本办法适用于青岛市政。'];
    expect(decodeRaw(withBadBytes(fewer, new Set([3]), '\n'))).toEqual({ ok: false, reason: '文件不是有效的 UTF-8，按 GB18030 或 Big5 也读不出中文；请转换成 UTF-8 再试' });
  });
});

describe('decodeRaw: what only looks like a byte order mark or a bad byte', () => {
  it('keeps the first character of a UTF-8 file that starts with a full-width bracket (its first byte is 0xEF, as a BOM’s is)', () => {
    expect(decodeRaw(utf8('（此件公开发布）\n第一条 本办法适用于青岛市。'))).toMatchObject({ ok: true, encoding: 'utf-8', text: '（此件公开发布）\n第一条 本办法适用于青岛市。' });
  });
  it('reads a GBK file whose first character’s second byte is 0xFE (剥) as GB18030, not as UTF-16', () => {
    // 剥离国有企业办社会职能和解决历史遗留问题的工作方案, encoded as GB18030.
    const bytes = hex('b0fec0ebb9fad3d0c6f3d2b5b0ecc9e7bbe1d6b0c4dcbacdbde2bef6c0facab7d2c5c1f4cecacce2b5c4b9a4d7f7b7bdb0b8');
    expect(decodeRaw(bytes)).toMatchObject({ ok: true, encoding: 'gb18030', text: '剥离国有企业办社会职能和解决历史遗留问题的工作方案' });
  });
  it('does not count the U+FFFD that pdftotext writes for a glyph it cannot map as an invalid byte', () => {
    const text = '第一条 本办法适用于\ufffd\ufffd市政务服务。';
    expect(decodeRaw(utf8(text))).toEqual({ ok: true, encoding: 'utf-8', text, warnings: [] });
  });
});

describe('decodeRaw: GB18030 or Big5', () => {
  it('rejects a GBK file cut off in the middle of a character rather than guess the rest', () => {
    expect(decodeRaw(hex(`${GB}${GB}b5`))).toEqual({ ok: false, reason: '文件不是有效的 UTF-8，按 GB18030 或 Big5 也读不出中文；请转换成 UTF-8 再试' });
  });
  it('takes the reading with more common characters, also when both read as text', () => {
    // 條規範 in Big5; as GB18030 the same bytes are three rarer characters.
    expect(decodeRaw(hex('b1f8b357bd64'))).toMatchObject({ ok: true, encoding: 'big5', text: '條規範' });
  });
  it('skips a file that reads equally well both ways, saying so', () => {
    // English with one byte pair: an ideographic space in Big5, a private-use character in GB18030; no Chinese either way.
    const bytes = new Uint8Array([...utf8('Annex 2 Business Environment Indicators'), 0xa1, 0x40, ...utf8('Table of contents and scoring rules')]);
    expect(decodeRaw(bytes)).toEqual({ ok: false, reason: '文件不是 UTF-8，按 GB18030 和按 Big5 读出的文字差不多，无法判断是哪一种；请转换成 UTF-8 再试' });
  });
});

describe('sampleStats (what the plausibility checks count)', () => {
  it('counts visible, odd, Chinese and common Chinese characters, a pair outside the BMP as one odd character', () => {
    // Visible: 政 策 A b 龘 𠀀 é U+0001 (the spaces, U+3000, tab and newline are not); odd: 𠀀 and U+0001; Chinese: 政 策 龘, of which 政 策 are common.
    expect(sampleStats('政策 Ab\u3000龘𠀀é\u0001\t\n')).toEqual({ visible: 8, odd: 2, han: 3, common: 2 });
  });

  it('reads only the first 20,000 code units; half a pair cut there is one odd character', () => {
    expect(sampleStats('x'.repeat(19_999) + '政策')).toEqual({ visible: 20_000, odd: 0, han: 1, common: 1 });
    expect(sampleStats('x'.repeat(19_999) + '𠀀')).toEqual({ visible: 20_000, odd: 1, han: 0, common: 0 });
    expect(sampleStats('\ud800政')).toEqual({ visible: 2, odd: 1, han: 1, common: 1 });
    // The first and last characters outside the BMP (U+10000: D800 DC00; U+10FFFF: DBFF DFFF), one each.
    expect(sampleStats('\u{10000}\u{10FFFF}')).toEqual({ visible: 2, odd: 2, han: 0, common: 0 });
  });

  it('counts as the regular expressions that define its ranges do, on random text', () => {
    const PLAUSIBLE = /[\u0020-\u007e\u00a0-\u024f\u2000-\u206f\u2100-\u22ff\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
    const HAN = /[\u3400-\u9fff]/;
    const byRegex = (text: string) => {
      const out = { visible: 0, odd: 0, han: 0 };
      for (const ch of text.slice(0, 20_000)) {
        if (/\s/.test(ch)) continue;
        out.visible++;
        if (!PLAUSIBLE.test(ch)) out.odd++;
        if (HAN.test(ch)) out.han++;
      }
      return out;
    };
    // Every edge of every range and of white space, and pairs outside the BMP.
    const edges = [0x08, 0x09, 0x0d, 0x0e, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0x24f, 0x250, 0x167f, 0x1680, 0x1fff, 0x2000, 0x200a, 0x200b, 0x2027, 0x2028, 0x2029, 0x202f, 0x205f, 0x206f, 0x2070, 0x20ff, 0x2100, 0x22ff, 0x2300, 0x245f, 0x2460, 0x24ff, 0x2500, 0x25ff, 0x2600, 0x2fff, 0x3000, 0x303f, 0x3040, 0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xd7ff, 0xe000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xffef, 0xfff0, 0xffff];
    const pieces = [...edges.map((c) => String.fromCharCode(c)), '𠀀', '\ud800', '\udc00', '政', '龘'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 200; n++) {
      let text = '';
      const len = Math.floor(next() * 60);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(next() * pieces.length)];
      const { visible, odd, han } = sampleStats(text);
      expect({ visible, odd, han }, JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
