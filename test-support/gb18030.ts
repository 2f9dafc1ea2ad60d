/**
 * Text → GB18030 bytes, for tests of files saved the way Chinese Windows saves text (Notepad's "ANSI", WPS).
 * Node decodes GB18030 but has no encoder, so the table is made by decoding every two-byte code once: each
 * character of GBK's range gets the bytes that decode to it. ASCII is itself; anything else is refused, so
 * a test cannot silently write what it did not mean.
 */
let table: Map<string, number[]> | null = null;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGb18030(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = codes.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)})`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
