/**
 * One entry of the parse cache (cache/parse/<key>, cli/parse-pool.ts): a raw file's parse, laid out so that a
 * rebuild reads an unchanged file's documents without their units, and their units only when asked
 * (core/corpus/deferred-units.ts).
 *
 * The entry is UTF-8 text of lines, none with a newline inside (JSON has none):
 *   line 1     the parse (FileParse) with every document's `units` empty, and each document's unit counts;
 *   line 1+k   document k's units, as JSON.
 * A rebuild parses line 1 and keeps where each later line lies; a document's units are read from the file again,
 * after checking it is the file that was read (same size, modification time and inode).
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { FileParse } from '../core/corpus/build.js';
import { unitCounts } from '../core/corpus/build.js';
import { deferUnits } from '../core/corpus/deferred-units.js';
import type { Unit } from '../core/corpus/types.js';

/** Line 1's mark: an entry of another layout is not this one (it is parsed again). */
const FORMAT = 'parse-cache/2';
const NEWLINE = 0x0a;

type Head = Omit<FileParse, 'docs'> & { format: typeof FORMAT; docs: (FileParse['docs'][number] & { counts: { unitCount: number; charCount: number } })[] };

/** A parse as a cache entry's text. */
export function encodeParseEntry(parse: FileParse): string {
  const head: Head = {
    format: FORMAT,
    ...parse,
    docs: parse.docs.map((d) => ({ ...d, doc: { ...d.doc, units: [] }, counts: unitCounts(d.doc.units) })),
  };
  return [JSON.stringify(head), ...parse.docs.map((d) => JSON.stringify(d.doc.units))].join('\n');
}

/** Which file was read: a document's units are read from that file only. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export const stampOf = (s: Stats): FileStamp => ({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });

/** Line 1 as this layout's head of an entry with `lines` document lines after it; null otherwise. */
function headOf(first: string, lines: number): Head | null {
  let head: Head;
  try {
    head = JSON.parse(first) as Head;
  } catch {
    return null;
  }
  return head?.format === FORMAT && Array.isArray(head.docs) && head.docs.length === lines ? head : null;
}

/** Where line 1 ends and each document's line lies, or null when the entry is not of this layout. */
function layout(bytes: Uint8Array): { head: Head; lines: [number, number][] } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headEnd = buf.indexOf(NEWLINE);
  const lines: [number, number][] = [];
  for (let from = headEnd + 1; headEnd >= 0 && from <= buf.length; ) {
    const end = buf.indexOf(NEWLINE, from);
    lines.push([from, end < 0 ? buf.length : end]);
    if (end < 0) break;
    from = end + 1;
  }
  const head = headOf(buf.toString('utf8', 0, headEnd < 0 ? buf.length : headEnd), lines.length);
  return head && { head, lines };
}

const parseOf = (head: Head, units: (k: number) => Unit[] | null): FileParse => {
  const { format: _format, ...rest } = head;
  return { ...rest, docs: head.docs.map(({ counts: _counts, ...d }, k) => ({ ...d, doc: { ...d.doc, units: units(k) ?? [] } })) };
};

/** An entry's text read whole, every document holding its units (a file parsed in this build). Null: not this layout. */
export function parseEntryText(text: string): FileParse | null {
  const [first, ...lines] = text.split('\n');
  const head = headOf(first, lines.length);
  if (!head) return null;
  try {
    return parseOf(head, (k) => JSON.parse(lines[k]) as Unit[]);
  } catch {
    return null;
  }
}

/**
 * A cache entry read from `file` (`stamp`: its size, time and inode when read) with its documents' units
 * deferred: each is read from `file` when the corpus asks for it (counted in `reads`). Null: not this layout.
 */
export function deferredParseEntry(bytes: Uint8Array, file: string, stamp: FileStamp, reads: { count: number }): FileParse | null {
  const found = layout(bytes);
  if (!found) return null;
  const parse = parseOf(found.head, () => null);
  parse.docs.forEach((d, k) => {
    const [from, to] = found.lines[k];
    deferUnits(d.doc, { ...found.head.docs[k].counts, load: () => (reads.count++, readUnits(file, stamp, from, to)) });
  });
  return parse;
}

/** Document units from bytes `from`–`to` of `file`, if it is still the file read as `stamp`. */
export function readUnits(file: string, stamp: FileStamp, from: number, to: number): Unit[] {
  const changed = () => new Error(`解析缓存文件 ${file} 在构建过程中被改动或删除，本次构建已停止（上一版语料不受影响），请重新构建`);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw changed();
  }
  try {
    const now = stampOf(fstatSync(fd));
    if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ino !== stamp.ino) throw changed();
    const buf = Buffer.alloc(to - from);
    let n = 0;
    while (n < buf.length) {
      const read = readSync(fd, buf, n, buf.length - n, from + n);
      if (read === 0) throw changed();
      n += read;
    }
    const units = JSON.parse(buf.toString('utf8')) as unknown;
    if (!Array.isArray(units)) throw changed();
    return units as Unit[];
  } catch (e) {
    throw e instanceof SyntaxError ? changed() : e;
  } finally {
    closeSync(fd);
  }
}
