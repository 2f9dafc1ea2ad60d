/**
 * The streams at the top of a compound file ([MS-CFB]: the container of Word 97–2003 documents). Read here rather
 * than with a package: the one on npm (cfb) exports itself only where `require` exists, which a browser worker
 * bundle does not have. A compound file is sectors of one size; a table (the FAT) chains each stream's sectors, a
 * directory names the streams, and streams under 4,096 bytes are kept in 64-byte mini sectors inside one stream of
 * their own (the root's), chained by the mini FAT. Every chain is bounded by the file's sector count, so a damaged or
 * looping file ends in CompoundFileError, never in a loop.
 */
export class CompoundFileError extends Error {}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers at or above this mark chain ends and free or special sectors, not sectors. */
const MAX_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT = 109;
const DIR_ENTRY = 128;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * The streams directly under the root storage, by name, each read when asked for (a stream inside an embedded
 * object's storage is not among them).
 */
export function topStreams(bytes: Uint8Array): Map<string, () => Uint8Array> {
  if (!isCompoundFile(bytes)) throw new CompoundFileError('not a compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw new CompoundFileError('past the end');
    return view.getUint32(at, true);
  };
  const sectorShift = view.getUint16(0x1e, true);
  const miniShift = view.getUint16(0x20, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new CompoundFileError('unknown sector size');
  const sectorSize = 1 << sectorShift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const at = (sector: number) => (sector + 1) * sectorSize;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let k = 0; k < HEADER_DIFAT; k++) fatSectors.push(u32(0x4c + k * 4));
  let difat = u32(0x44);
  for (let hops = 0; difat < MAX_SECTOR; hops++) {
    if (hops > sectors) throw new CompoundFileError('the DIFAT chain loops');
    const per = sectorSize / 4 - 1;
    for (let k = 0; k < per; k++) fatSectors.push(u32(at(difat) + k * 4));
    difat = u32(at(difat) + per * 4);
  }
  const fat: number[] = [];
  for (const s of fatSectors.slice(0, u32(0x2c))) {
    if (s >= MAX_SECTOR || at(s) + sectorSize > bytes.length) throw new CompoundFileError('a FAT sector is missing');
    for (let k = 0; k < sectorSize / 4; k++) fat.push(u32(at(s) + k * 4));
  }

  /** The sectors of a chain, in order. */
  const chain = (start: number, table: number[], limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s < MAX_SECTOR; s = table[s] ?? NO_STREAM) {
      if (out.length > limit) throw new CompoundFileError('a chain loops');
      out.push(s);
    }
    return out;
  };
  const read = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(size);
    let got = 0;
    for (const s of chain(start, fat, sectors)) {
      if (got >= size) break;
      const from = at(s);
      const n = Math.min(sectorSize, size - got);
      if (from + n > bytes.length) throw new CompoundFileError('a sector is missing');
      out.set(bytes.subarray(from, from + n), got);
      got += n;
    }
    if (got < size) throw new CompoundFileError('a stream is cut short');
    return out;
  };

  /** A stream whose size is its chain's (the directory, the mini FAT): every sector of the chain. */
  const whole = (start: number) => read(start, chain(start, fat, sectors).length * sectorSize);
  const dir = whole(u32(0x30));
  const dv = new DataView(dir.buffer);
  const entries = dir.length / DIR_ENTRY;
  const entry = (i: number) => {
    const o = i * DIR_ENTRY;
    const nameBytes = Math.min(dv.getUint16(o + 0x40, true), 64);
    let name = '';
    // The length counts the name's terminating null.
    for (let k = 0; k < nameBytes - 2; k += 2) name += String.fromCharCode(dv.getUint16(o + k, true));
    return { name, type: dv.getUint8(o + 0x42), left: dv.getUint32(o + 0x44, true), right: dv.getUint32(o + 0x48, true), child: dv.getUint32(o + 0x4c, true), start: dv.getUint32(o + 0x74, true), size: dv.getUint32(o + 0x78, true) };
  };
  const root = entry(0);
  if (root.type !== 5) throw new CompoundFileError('no root storage');

  const cutoff = u32(0x38);
  let mini: { stream: Uint8Array; fat: number[] } | null = null;
  const miniStreams = () => {
    if (!mini) {
      const fatBytes = u32(0x3c) < MAX_SECTOR ? whole(u32(0x3c)) : new Uint8Array(0);
      const mv = new DataView(fatBytes.buffer);
      mini = { stream: root.start < MAX_SECTOR ? read(root.start, root.size) : new Uint8Array(0), fat: Array.from({ length: fatBytes.length / 4 }, (_, k) => mv.getUint32(k * 4, true)) };
    }
    return mini;
  };
  const readMini = (start: number, size: number): Uint8Array => {
    const { stream, fat: miniFat } = miniStreams();
    const out = new Uint8Array(size);
    let got = 0;
    for (const s of chain(start, miniFat, stream.length / 64)) {
      if (got >= size) break;
      const n = Math.min(64, size - got);
      if (s * 64 + n > stream.length) throw new CompoundFileError('a mini sector is missing');
      out.set(stream.subarray(s * 64, s * 64 + n), got);
      got += n;
    }
    if (got < size) throw new CompoundFileError('a stream is cut short');
    return out;
  };

  // The root's children are a tree of siblings (left and right); each visited once.
  const streams = new Map<string, () => Uint8Array>();
  const seen = new Set<number>();
  const pending = [root.child];
  while (pending.length) {
    const i = pending.pop()!;
    if (i === NO_STREAM || i >= entries || seen.has(i)) continue;
    seen.add(i);
    const e = entry(i);
    pending.push(e.left, e.right);
    if (e.type === 2) streams.set(e.name, () => (e.size < cutoff ? readMini(e.start, e.size) : read(e.start, e.size)));
  }
  return streams;
}
