/**
 * The variants step's per-document cache (prepared-cache.ts): a build that reads its entries writes the same
 * files as one without, after a document changed too; an entry that is damaged, of another document, or made
 * under other boilerplate is recomputed, never trusted.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { unitsOnDemand } from '../corpus/deferred-units.js';
import { mulberry32 } from '../util/random.js';
import { SIGNATURE_LENGTH } from './minhash.js';
import { hashWords } from './shingles.js';
import { variantsArtifacts } from './artifact.js';
import { decodePreparedEntry, encodedEntryBytes, encodePreparedEntry, madeWithCommon, storedSets, type PreparedCache } from './prepared-cache.js';
import { commonHash } from './common.js';

const BOILERPLATE = [
  '县级以上人民政府应当加强对本行政区域内相关工作的领导，建立健全工作协调机制，将所需经费列入本级预算。',
  '违反本条例规定，构成违反治安管理行为的，由公安机关依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。',
  '本条例自公布之日起施行。',
];
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研';

function doc(id: string, texts: string[]): PolicyDocument {
  const units = texts.map((t, i) => ({ id: `${id}~ar${i + 1}`, path: `ar${i + 1}`, level: 'article', label: '', heading: null, paragraphs: [{ text: t, pages: [] }], pages: [], children: [] }) as unknown as Unit);
  return { id, title: `某某条例${id}`, titleSource: 'title-line', issuer: '', issuers: [], date: null, effectiveDate: null, region: { level: 'unknown', province: null, city: null }, kind: '条例', addressees: null, signature: [], units } as unknown as PolicyDocument;
}

/** 120 texts of their own plus boilerplate (so some shingles are common); every fourth has an adapted copy (one article rewritten, one dropped). */
function corpus(): PolicyDocument[] {
  const rnd = mulberry32(11);
  const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
  const out: PolicyDocument[] = [];
  for (let i = 0; i < 120; i++) {
    const own = Array.from({ length: 6 }, () => text(70));
    out.push(doc(`d${String(i).padStart(4, '0')}`, [...own, ...BOILERPLATE]));
    if (i % 4 === 0) out.push(doc(`c${String(i).padStart(4, '0')}`, [own[0], text(70), ...own.slice(2, 5), ...BOILERPLATE]));
  }
  return out;
}

/** An in-memory cache keyed by content, counting what was asked and stored. */
function memoryCache(store = new Map<string, Uint8Array>()) {
  const key = (d: PolicyDocument) => JSON.stringify(d);
  const c = {
    store,
    hits: 0,
    puts: [] as string[],
    get: (d: PolicyDocument) => {
      const e = store.get(key(d)) ?? null;
      if (e) c.hits++;
      return e;
    },
    put: (d: PolicyDocument, e: Uint8Array) => {
      c.puts.push(d.id);
      store.set(key(d), e);
    },
  } satisfies PreparedCache & Record<string, unknown>;
  return c;
}

const files = (docs: PolicyDocument[], cache?: PreparedCache) => [...variantsArtifacts(docs, { cache })].map((f) => `${f.path}\n${f.data}`);

describe('the variants cache', () => {
  const docs = corpus();
  // Made inside the first test that needs it, not while the file is collected: a mutation run attributes code run
  // outside a test to no test ("static"), and would run every test of the folder for each mutant it reaches.
  let made: string[] | undefined;
  const plain = () => (made ??= files(docs));

  it('a second build takes every document from the cache and writes the same files, families and all', () => {
    expect(plain().some((f) => f.includes('"relation":"adaptation"'))).toBe(true);
    const cache = memoryCache();
    expect(files(docs, cache)).toEqual(plain());
    expect(cache.puts.length).toBe(docs.length);
    const again = memoryCache(cache.store);
    expect(files(docs, again)).toEqual(plain());
    expect(again.hits).toBe(docs.length);
    expect(again.puts).toEqual([]);
  });

  it('after one document changed, only it is computed again, and the files are those of a build without cache', () => {
    const cache = memoryCache();
    files(docs, cache);
    const changed = docs.map((d) => (d.id === 'c0008' ? doc(d.id, ['新增一条完全不同的规定，用来改变这份文件的文字和它的条文匹配结果。', ...d.units.slice(1).map((u) => u.paragraphs[0].text)]) : d));
    const again = memoryCache(cache.store);
    expect(files(changed, again)).toEqual(files(changed));
    expect(again.puts).toEqual(['c0008']);
  });

  it('a damaged entry is recomputed, not trusted', () => {
    const cache = memoryCache();
    files(docs, cache);
    // Zero the document shingle set of a family member: trusted, it would drop the document's every pair.
    const victim = docs.find((d) => d.id === 'c0004')!;
    const k = JSON.stringify(victim);
    const bytes = cache.store.get(k)!.slice();
    const words = new Uint32Array(bytes.buffer);
    const n = words[3];
    // After the header's 10 words and the units' set lengths.
    words.fill(0, 10 + n, 10 + n + words[4]);
    cache.store.set(k, bytes);
    const again = memoryCache(cache.store);
    expect(files(docs, again)).toEqual(plain());
    expect(again.puts).toEqual(['c0004']);
  });

  it('an entry made under other common shingles and other boilerplate has its signatures made again', () => {
    const cache = memoryCache();
    files(docs, cache);
    // A sound entry whose signatures were made when one more of its shingles was common: they are not this build's.
    const victim = docs.find((d) => d.id === 'd0004')!;
    const k = JSON.stringify(victim);
    const e = decodePreparedEntry(cache.store.get(k)!, victim)!;
    const extra = e.unitSets[0][0];
    const boiler = Uint32Array.from(new Set([...e.boiler, extra])).sort();
    cache.store.set(k, encodePreparedEntry({ ...e, boiler, common: e.common ^ 1, sigs: new Uint32Array(e.sigs.length) }));
    const again = memoryCache(cache.store);
    expect(files(docs, again)).toEqual(plain());
    expect(again.puts).toEqual(['d0004']);
  });

  it('an entry made under other common shingles that left it the same boilerplate is current; under these, it is without looking', () => {
    const cache = memoryCache();
    files(docs, cache);
    const victim = docs.find((d) => d.id === 'd0004')!;
    const k = JSON.stringify(victim);
    const e = decodePreparedEntry(cache.store.get(k)!, victim)!;
    // Other common shingles, the same boilerplate: the signatures are this build's, kept, and the entry stored again
    // naming these shingles (the same bytes as before), so that the next build takes it as it stands.
    const current = cache.store.get(k)!.slice();
    cache.store.set(k, encodePreparedEntry({ ...e, common: e.common ^ 1 }));
    const kept = memoryCache(cache.store);
    expect(files(docs, kept)).toEqual(plain());
    expect(kept.puts).toEqual(['d0004']);
    expect(Buffer.from(cache.store.get(k)!).equals(Buffer.from(current))).toBe(true);
    const next = memoryCache(cache.store);
    files(docs, next);
    expect(next.puts).toEqual([]);
    // Named as made under these very common shingles, its boilerplate is not looked at: it is theirs by construction.
    cache.store.set(k, encodePreparedEntry({ ...e, boiler: new Uint32Array(0) }));
    const trusted = memoryCache(cache.store);
    files(docs, trusted);
    expect(trusted.puts).toEqual([]);
  });

  it('an entry made under other common shingles, leaving boilerplate of the same size but other shingles, is not current', () => {
    const cache = memoryCache();
    files(docs, cache);
    const d = docs.find((x) => x.id === 'd0004')!;
    const e = { ...decodePreparedEntry(cache.store.get(JSON.stringify(d))!, d)!, common: 0 };
    expect(e.boiler.length).toBeGreaterThan(1);
    // Common shingles whose part in the document is its boilerplate: current.
    const common = Uint32Array.from([...e.boiler, 0xfffffff0]);
    expect(madeWithCommon(e, common)).toBe(true);
    // One shingle swapped for another of the document's: same count, other boilerplate.
    const other = e.unitSets[0].find((x) => !e.boiler.includes(x))!;
    const swapped = Uint32Array.from([...e.boiler.subarray(1), other]).sort();
    expect(swapped.length).toBe(e.boiler.length);
    expect(madeWithCommon(e, swapped)).toBe(false);
    expect(madeWithCommon(e, e.boiler.subarray(1))).toBe(false);
    // The same shingles named by their hash: current, whatever the boilerplate says.
    expect(madeWithCommon({ ...e, common: commonHash(swapped) }, swapped)).toBe(true);
  });

  it('an entry is refused for another document, cut short, or of another format', () => {
    const cache = memoryCache();
    files(docs, cache);
    const [a, b] = docs;
    const entry = cache.store.get(JSON.stringify(a))!;
    expect(decodePreparedEntry(entry, a)).not.toBeNull();
    expect(decodePreparedEntry(entry, b)).toBeNull();
    expect(decodePreparedEntry(entry.subarray(0, entry.length - 4), a)).toBeNull();
    const other = entry.slice();
    new Uint32Array(other.buffer)[1]++;
    expect(decodePreparedEntry(other, a)).toBeNull();
  });

  it('a document whose units are read only when asked: its own entry is taken without reading them; another document’s, or one of more units than it has, is refused', () => {
    const cache = memoryCache();
    files(docs, cache);
    // Two documents of as many units: only the ids tell their entries apart.
    const [a, b] = docs.filter((d) => d.id.startsWith('d'));
    expect(b.units.length).toBe(a.units.length);
    const entry = cache.store.get(JSON.stringify(a))!;
    let loads = 0;
    const later = (d: PolicyDocument, unitCount = d.units.length) => {
      const lazy = { ...d, units: [] as Unit[] };
      unitsOnDemand(lazy, { unitCount, charCount: 0, load: () => (loads++, d.units) });
      return lazy;
    };
    expect(decodePreparedEntry(entry, later(a))?.ids).toEqual(a.units.map((u) => u.id));
    expect(decodePreparedEntry(entry, later(b))).toBeNull();
    expect(decodePreparedEntry(entry, later(a, a.units.length - 1))).toBeNull();
    // One unit of another document among its own.
    const e = decodePreparedEntry(entry, a)!;
    expect(decodePreparedEntry(encodePreparedEntry({ ...e, ids: [b.units[0].id, ...e.ids.slice(1)] }), later(a))).toBeNull();
    expect(loads).toBe(0);
  });
});

describe('a stored entry, byte by byte', () => {
  const d = doc('pA', ['深化商事制度改革，推行企业开办全程网上办理。', '优化工程建设项目审批流程，全面推行告知承诺制。']);
  const sig = (seed: number) => Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => seed * 1000 + i);
  const entry = {
    ids: ['pA~ar1', 'pA~ar2'],
    unitSets: [Uint32Array.from([3, 8, 21]), Uint32Array.from([5, 8])],
    docSet: Uint32Array.from([3, 5, 8, 21, 34]),
    boiler: Uint32Array.from([8]),
    common: 0x9e3779b1,
    own: Int32Array.from([2, 1]),
    sigs: Uint32Array.from([...sig(1), ...sig(2)]),
  };
  const plainArrays = (e: ReturnType<typeof decodePreparedEntry>) =>
    e && { ids: e.ids, unitSets: e.unitSets.map((s) => Array.from(s)), docSet: Array.from(e.docSet), boiler: Array.from(e.boiler), common: e.common, own: Array.from(e.own), sigs: Array.from(e.sigs) };
  const expected = plainArrays(entry as ReturnType<typeof decodePreparedEntry>);

  it('reads back what was written, from any offset of a buffer', () => {
    const bytes = encodePreparedEntry(entry);
    expect(plainArrays(decodePreparedEntry(bytes, d))).toEqual(expected);
    // A file read into a larger buffer at an odd offset: copied, then read.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 1);
    expect(plainArrays(decodePreparedEntry(shifted.subarray(1, 1 + bytes.length), d))).toEqual(expected);
    // A document without units stores an empty entry.
    const empty = { ids: [], unitSets: [], docSet: new Uint32Array(0), boiler: new Uint32Array(0), common: 0, own: new Int32Array(0), sigs: new Uint32Array(0) };
    expect(plainArrays(decodePreparedEntry(encodePreparedEntry(empty), doc('pE', [])))).toEqual(plainArrays(empty as ReturnType<typeof decodePreparedEntry>));
  });

  it('is written into a buffer given, at its place, byte for byte the entry made alone, nothing around it touched', () => {
    const alone = encodePreparedEntry(entry);
    expect(encodedEntryBytes(entry)).toBe(alone.length);
    // As the variants threads write entries into shared memory (cli/variants-worker.ts), here 16 bytes in.
    const buffer = new Uint8Array(new SharedArrayBuffer(alone.length + 24)).fill(0xee);
    buffer.fill(0, 16, 16 + alone.length);
    const written = encodePreparedEntry(entry, buffer.subarray(16, 16 + alone.length));
    expect(written.buffer).toBe(buffer.buffer);
    expect([written.byteOffset, written.length]).toEqual([16, alone.length]);
    expect(Buffer.from(written).equals(Buffer.from(alone))).toBe(true);
    expect([...buffer.subarray(0, 16), ...buffer.subarray(16 + alone.length)].every((b) => b === 0xee)).toBe(true);
    expect(plainArrays(decodePreparedEntry(written, d))).toEqual(expected);
  });

  it('refuses an entry of another layout, a length that is no whole number of words, or too short for its header', () => {
    const bytes = encodePreparedEntry(entry);
    // The layout's words, and the common shingles' hash (under the checksum: a changed one must not pass).
    for (const word of [0, 1, 2, 8]) {
      const other = bytes.slice();
      new Uint32Array(other.buffer)[word] ^= 1;
      expect([word, decodePreparedEntry(other, d)]).toEqual([word, null]);
    }
    const longer = new Uint8Array(bytes.length + 2);
    longer.set(bytes);
    expect(decodePreparedEntry(longer, d)).toBeNull();
    expect(decodePreparedEntry(bytes.subarray(0, 32), d)).toBeNull();
    expect(decodePreparedEntry(new Uint8Array(0), d)).toBeNull();
    // Unit ids of another document, or fewer than it stores: refused.
    expect(decodePreparedEntry(bytes, doc('pB', ['深化商事制度改革。', '优化审批流程。']))).toBeNull();
  });

  it('refuses a whole entry, checksum and all, of another layout or whose sizes do not add up', () => {
    const bytes = encodePreparedEntry(entry);
    /** The entry with header word `word` set to `value` and its checksum made again (FNV-1a over every other word, header first). */
    const resigned = (word: number, value: number) => {
      const w = new Uint32Array(bytes.slice().buffer);
      w[word] = value;
      w[9] = hashWords(w.subarray(10), hashWords(w.subarray(0, 9)));
      return new Uint8Array(w.buffer);
    };
    const words = new Uint32Array(bytes.slice().buffer);
    // Re-signed unchanged, it is the entry: the checksum is made as the format makes it.
    expect(plainArrays(decodePreparedEntry(resigned(0, words[0]), d))).toEqual(expected);
    // Magic, format version, signature length and shingle size: each another program's entry.
    for (const word of [0, 1, 2]) expect([word, decodePreparedEntry(resigned(word, words[word] + 1), d)]).toEqual([word, null]);
    // One unit more or fewer than the ids stored; a set length over or under the total; more id bytes than there are.
    expect(decodePreparedEntry(resigned(3, 3), d)).toBeNull();
    expect(decodePreparedEntry(resigned(10, words[10] + 1), d)).toBeNull();
    expect(decodePreparedEntry(resigned(10, words[10] - 1), d)).toBeNull();
    expect(decodePreparedEntry(resigned(5, words[5] + 1), d)).toBeNull();
    expect(decodePreparedEntry(resigned(7, words[7] + 4), d)).toBeNull();
    // Set lengths that add up to the total only modulo 2³² (the first past the whole entry, the second making up for it).
    const wrapped = resigned(10, 2 ** 32 - 1);
    const w = new Uint32Array(wrapped.buffer);
    w[11] = words[10] + words[11] + 1;
    w[9] = hashWords(w.subarray(10), hashWords(w.subarray(0, 9)));
    expect((w[10] + w[11]) % 2 ** 32).toBe(words[10] + words[11]);
    expect(decodePreparedEntry(wrapped, d)).toBeNull();
  });

  it("holds a decoded entry's unit sets where they were read, views made only when its `unitSets` are asked for", () => {
    const bytes = encodePreparedEntry(entry);
    const e = decodePreparedEntry(bytes, d)!;
    const where = storedSets(e)!;
    expect(where.words.buffer).toBe(bytes.buffer);
    // Unit k's shingles are words start[k] … start[k + 1].
    expect([0, 1].map((k) => Array.from(where.words.subarray(where.start[k], where.start[k + 1])))).toEqual([
      [3, 8, 21],
      [5, 8],
    ]);
    expect(e.unitSets.map((s) => Array.from(s))).toEqual([
      [3, 8, 21],
      [5, 8],
    ]);
    expect(e.unitSets[0].buffer).toBe(bytes.buffer);
    // Asked again, the same views; a copy made by spreading has the sets, but is not an entry decoded here.
    expect(e.unitSets).toBe(e.unitSets);
    const copy = { ...e, common: 1 };
    expect(copy.unitSets.map((s) => Array.from(s))).toEqual([
      [3, 8, 21],
      [5, 8],
    ]);
    expect(storedSets(copy)).toBeNull();
    expect(storedSets(entry)).toBeNull();
  });

  it('an entry made under other common shingles is current only when they leave it the very same boilerplate', () => {
    const e = decodePreparedEntry(encodePreparedEntry(entry), d)!;
    expect(madeWithCommon(e, Uint32Array.from([8]))).toBe(true);
    expect(madeWithCommon(e, Uint32Array.from([8, 40]))).toBe(true);
    expect(madeWithCommon(e, Uint32Array.from([9]))).toBe(false);
    expect(madeWithCommon(e, Uint32Array.from([5, 8]))).toBe(false);
    expect(madeWithCommon(e, new Uint32Array(0))).toBe(false);
    // Under the common shingles its hash names, current without a look.
    expect(madeWithCommon(e, Uint32Array.from([9]), entry.common)).toBe(true);
  });
});
