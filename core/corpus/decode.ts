/**
 * Raw file bytes → text. Raw files come from PDF extraction on other people's
 * machines, so they may be UTF-8 (with or without BOM), UTF-16, GB18030/GBK,
 * or not text at all. A file is decoded correctly or rejected with a reason;
 * it never crashes the build.
 */

export interface Decoded {
  ok: true;
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  warnings: string[];
}
export interface Rejected {
  ok: false;
  reason: string;
}

/** Lines longer than this are not prose from a PDF page; they are split so the parser stays linear. */
export const MAX_LINE_CHARS = 4000;

export function decodeRaw(bytes: Uint8Array): Decoded | Rejected {
  if (bytes.length === 0) return { ok: false, reason: 'file is empty' };
  const warnings: string[] = [];
  let text: string;
  let encoding: Decoded['encoding'];

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) return { ok: false, reason: 'file looks binary (NUL or control bytes), not extracted text' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = 'utf-8';
    } catch {
      // Not valid UTF-8: the usual alternative for Chinese text is GB18030 (a superset of GBK/GB2312).
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      } catch {
        return { ok: false, reason: 'file is neither valid UTF-8 nor GB18030' };
      }
      if (cjkShare(text) < 0.2) return { ok: false, reason: 'file is not valid UTF-8 and does not read as Chinese in GB18030 either' };
      encoding = 'gb18030';
      warnings.push('decoded as GB18030 (not valid UTF-8)');
    }
  }

  if (text.includes('\u0000')) return { ok: false, reason: 'file contains NUL characters after decoding' };
  text = text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let split = 0;
  const out: string[] = [];
  for (const line of lines) {
    if (line.length <= MAX_LINE_CHARS) {
      out.push(line);
      continue;
    }
    split++;
    for (let i = 0; i < line.length; i += MAX_LINE_CHARS) out.push(line.slice(i, i + MAX_LINE_CHARS));
  }
  if (split) warnings.push(`${split} line(s) longer than ${MAX_LINE_CHARS} characters were split`);
  if (cjkShare(text) < 0.05) warnings.push('file has almost no Chinese text');
  return { ok: true, text: out.join('\n'), encoding, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / Math.max(n, 1) > 0.02;
}

function cjkShare(text: string): number {
  const sample = text.slice(0, 20000);
  let cjk = 0;
  let visible = 0;
  for (const ch of sample) {
    if (/\s/.test(ch)) continue;
    visible++;
    if (/[\u3400-\u9fff]/.test(ch)) cjk++;
  }
  return visible ? cjk / visible : 0;
}
