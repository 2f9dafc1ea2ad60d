/**
 * The text of a Word 97–2003 document (.doc), the binary format offices kept for twenty years and still send.
 * The file is a compound file (compound-file.ts); its text is in the WordDocument stream, in pieces that the piece
 * table (the Clx, in the 0Table or 1Table stream) lists in reading order, each either UTF-16 or compressed to one
 * byte per character ([MS-DOC] 2.4.1 "Retrieving Text"). Only the main document is read: footnotes, headers and
 * comments follow it in the same character positions and are cut off at `ccpText`.
 *
 * What is not text is dropped as Word shows the document: a field's code (between its begin and separator marks)
 * goes, its result stays; pictures and object anchors go; paragraph, line, cell and page marks end lines.
 * Like mammoth for .docx, this does not see Word's automatic numbering (a 第一条 made by a list is not in the text).
 */
import { CompoundFileError, topStreams } from './compound-file.js';

export class Word97Error extends Error {
  constructor(readonly reason: 'not-word97' | 'encrypted' | 'damaged') {
    super(reason);
  }
}

/** Windows-1252 for bytes 0x80–0x9f of compressed pieces ([MS-DOC] 2.9.73: the rest are Latin-1 as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const FIB_IDENT = 0xa5ec;
/** FibBase flags: the table stream's name (bit 9), encryption (bit 8), and obfuscation (bit 15, XOR "encryption"). */
const F_ENCRYPTED = 1 << 8;
const F_WHICH_TABLE = 1 << 9;
const F_OBFUSCATED = 1 << 15;

/**
 * The document's text as Word shows it, one line per paragraph. Throws Word97Error when the bytes are not a Word
 * 97–2003 document, are encrypted (a password), or their piece table does not add up.
 */
export function word97Text(bytes: Uint8Array): string {
  let streams: Map<string, () => Uint8Array>;
  let doc: Uint8Array | undefined;
  try {
    streams = topStreams(bytes);
    doc = streams.get('WordDocument')?.();
  } catch (e) {
    if (!(e instanceof CompoundFileError)) throw e;
    throw new Word97Error('not-word97');
  }
  if (!doc || doc.length < 0x1a2 + 8) throw new Word97Error('not-word97');
  const view = new DataView(doc.buffer, doc.byteOffset, doc.byteLength);
  if (view.getUint16(0, true) !== FIB_IDENT) throw new Word97Error('not-word97');
  const flags = view.getUint16(0x0a, true);
  if (flags & (F_ENCRYPTED | F_OBFUSCATED)) throw new Word97Error('encrypted');
  let table: Uint8Array | undefined;
  try {
    table = streams.get(flags & F_WHICH_TABLE ? '1Table' : '0Table')?.();
  } catch (e) {
    if (!(e instanceof CompoundFileError)) throw e;
  }
  if (!table) throw new Word97Error('damaged');

  // The FIB's variable parts: FibRgW97 (csw 16-bit words), then FibRgLw97 (cslw 32-bit), then FibRgFcLcb.
  const csw = view.getUint16(32, true);
  const lwAt = 32 + 2 + csw * 2;
  const cslw = view.getUint16(lwAt, true);
  const ccpText = view.getInt32(lwAt + 2 + 3 * 4, true);
  const fcLcbAt = lwAt + 2 + cslw * 4 + 2;
  // fcClx and lcbClx are the 34th pair of FibRgFcLcb97.
  if (fcLcbAt + 34 * 8 > doc.length) throw new Word97Error('damaged');
  const fcClx = view.getUint32(fcLcbAt + 33 * 8, true);
  const lcbClx = view.getUint32(fcLcbAt + 33 * 8 + 4, true);
  if (ccpText < 0 || fcClx + lcbClx > table.length || lcbClx === 0) throw new Word97Error('damaged');

  const pieces = pieceTable(table, fcClx, lcbClx);
  // fcPlcfBteChpx and its length are the 13th pair: where the runs of character properties are listed.
  const hidden = hiddenRuns(doc, table, view.getUint32(fcLcbAt + 12 * 8, true), view.getUint32(fcLcbAt + 12 * 8 + 4, true));
  const chars: string[] = [];
  for (const { cpStart, cpEnd, fc, compressed } of pieces) {
    // The main text is the first ccpText characters; what follows (footnotes, headers, comments) is not read.
    const n = Math.min(cpEnd, ccpText) - cpStart;
    if (n <= 0) continue;
    const start = compressed ? fc / 2 : fc;
    const end = start + (compressed ? n : 2 * n);
    if (end > doc.length) throw new Word97Error('damaged');
    if (compressed) {
      for (let k = start; k < end; k++) {
        if (hidden.has(k)) continue;
        const b = doc[k];
        chars.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b));
      }
    } else {
      for (let k = start; k < end; k += 2) if (!hidden.has(k)) chars.push(String.fromCharCode(doc[k] | (doc[k + 1] << 8)));
    }
  }
  return shownText(chars.join(''));
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Where the piece's text starts in the WordDocument stream (for a compressed piece, twice its byte offset). */
  fc: number;
  compressed: boolean;
}

/** The Clx: property runs (Prc, clxt 1) to skip, then the piece table (Pcdt, clxt 2): n+1 character positions, n descriptors. */
export function pieceTable(table: Uint8Array, at: number, length: number): Piece[] {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const end = at + length;
  let k = at;
  while (k < end && table[k] === 0x01) k += 3 + view.getInt16(k + 1, true);
  if (k + 5 > end || table[k] !== 0x02) throw new Word97Error('damaged');
  const lcb = view.getUint32(k + 1, true);
  const plc = k + 5;
  if ((lcb - 4) % 12 !== 0 || plc + lcb > end) throw new Word97Error('damaged');
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = view.getUint32(plc + i * 4, true);
    const cpEnd = view.getUint32(plc + (i + 1) * 4, true);
    const fcRaw = view.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
    const compressed = (fcRaw & 0x40000000) !== 0;
    if (cpEnd < cpStart) throw new Word97Error('damaged');
    pieces.push({ cpStart, cpEnd, fc: fcRaw & 0x3fffffff, compressed });
  }
  return pieces;
}

/** Character properties that keep text from the reader: a tracked deletion (sprmCFRMarkDel) and hidden text (sprmCFVanish). */
const SPRM_DELETED = 0x0800;
const SPRM_VANISH = 0x083c;

/**
 * The stream positions of text Word does not show as the document reads now: deleted in a tracked change, or
 * formatted hidden. Character properties are kept in 512-byte pages (ChpxFkp) of the WordDocument stream, listed by
 * the PlcBteChpx in the table stream; each page gives runs of stream positions and each run its property
 * modifiers (sprms). A value of 1 (on) or 0x81 (the opposite of the style's, which is off in body text) hides.
 * Pages that do not add up are skipped: the text is still read, with what they would have hidden.
 */
export function hiddenRuns(doc: Uint8Array, table: Uint8Array, fc: number, lcb: number): { has(at: number): boolean } {
  const runs: [number, number][] = [];
  if (lcb >= 12 && (lcb - 4) % 8 === 0 && fc + lcb <= table.length) {
    const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const n = (lcb - 4) / 8;
    for (let i = 0; i < n; i++) {
      const page = (tv.getUint32(fc + (n + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
      if (page + 512 > doc.length) continue;
      const dv = new DataView(doc.buffer, doc.byteOffset + page, 512);
      const crun = dv.getUint8(511);
      if ((crun + 1) * 4 + crun > 511) continue;
      for (let r = 0; r < crun; r++) {
        const offset = dv.getUint8((crun + 1) * 4 + r) * 2;
        if (offset === 0 || offset >= 511) continue;
        const cb = dv.getUint8(offset);
        if (offset + 1 + cb > 511) continue;
        if (sprmsHide(new Uint8Array(doc.buffer, doc.byteOffset + page + offset + 1, cb))) runs.push([dv.getUint32(r * 4, true), dv.getUint32((r + 1) * 4, true)]);
      }
    }
  }
  runs.sort((x, y) => x[0] - y[0]);
  return {
    has(at) {
      // Binary search for the last run starting at or before `at`.
      let lo = 0;
      let hi = runs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid][0] <= at) lo = mid + 1;
        else hi = mid - 1;
      }
      return hi >= 0 && at < runs[hi][1];
    },
  };
}

/** Whether a run's property modifiers mark it deleted or hidden. The operand's size is in the sprm's top three bits (spra). */
export function sprmsHide(grpprl: Uint8Array): boolean {
  let k = 0;
  while (k + 2 <= grpprl.length) {
    const sprm = grpprl[k] | (grpprl[k + 1] << 8);
    k += 2;
    const spra = sprm >> 13;
    if ((sprm === SPRM_DELETED || sprm === SPRM_VANISH) && k < grpprl.length && (grpprl[k] === 1 || grpprl[k] === 0x81)) return true;
    const size = spra === 0 || spra === 1 ? 1 : spra === 2 || spra === 4 || spra === 5 ? 2 : spra === 3 ? 4 : spra === 7 ? 3 : 1 + (grpprl[k] ?? 0);
    k += size;
  }
  return false;
}

/**
 * Word's marks in the text stream ([MS-DOC] 2.8.25, 2.16.22) made into what a reader sees: a field's code dropped
 * and its result kept (fields nest), marks of pictures and footnote references dropped, paragraph (\r), cell (\x07),
 * line (\x0b) and page or section (\x0c) marks ending lines.
 */
export function shownText(raw: string): string {
  let out = '';
  // Per open field, whether its code is still being read (before its separator).
  const fields: boolean[] = [];
  for (const c of raw) {
    if (c === '\x13') {
      fields.push(true);
      continue;
    }
    if (c === '\x14') {
      if (fields.length) fields[fields.length - 1] = false;
      continue;
    }
    if (c === '\x15') {
      fields.pop();
      continue;
    }
    if (fields.includes(true)) continue;
    if (c === '\r' || c === '\x07' || c === '\x0b' || c === '\x0c') out += '\n';
    else if (c === '\t') out += '\t';
    else if (c === '\x1e') out += '-';
    else if (c === '\xa0') out += ' ';
    // Other control marks (pictures \x01, footnote references \x02, drawn objects \x08, optional hyphens \x1f) show nothing.
    else if (c >= ' ') out += c;
  }
  // One line per paragraph, as the .docx path gives it: empty paragraphs and a table row's end mark leave no blank line.
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .filter((l) => l.trim() !== '')
    .join('\n');
}
