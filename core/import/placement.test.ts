/**
 * Where an imported document stands among the documents already held, on the real sample corpus
 * (resources/corpus/raw): a user's copy of a held text, a text that revises it, a document that
 * shares only its 文号 or nothing at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, summarize } from '../corpus/build';
import type { DocSummary, PolicyDocument } from '../corpus/types';
import { sha256Hex } from '../../test-support/sha256';
import { placeDocument, placementCandidates } from './placement';

const RAW = join(__dirname, '..', '..', 'resources', 'corpus', 'raw');
let docs: PolicyDocument[];
let library: DocSummary[];
let held: PolicyDocument;

beforeAll(() => {
  docs = buildCorpus(readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(RAW, name))) })), sha256Hex).docs;
  library = docs.map(summarize);
  held = docs.find((d) => d.docNumber === '宁市监〔2023〕115号')!;
}, 60_000);

/** The held document as a user imports it: same text, another id. */
const copyOf = (d: PolicyDocument, fields: Partial<PolicyDocument> = {}): PolicyDocument => ({ ...d, id: `user-${d.id}`, ...fields });

describe('placementCandidates', () => {
  it('puts the held document with the same title first, and never the document itself', () => {
    const mine = copyOf(held);
    const got = placementCandidates(mine, [...library, summarize(mine)]);
    expect(got[0]).toBe(held.id);
    expect(got).not.toContain(mine.id);
  });
  it('finds a held document by its 文号 alone, whatever the title says', () => {
    const mine = copyOf(held, { title: '关于做好有关工作的函' });
    expect(placementCandidates(mine, library)).toEqual([held.id]);
    expect(placementCandidates({ ...mine, docNumber: null }, library)).toEqual([]);
  });
  it('takes no document whose title shares nothing and whose 文号 differs', () => {
    expect(placementCandidates({ id: 'x', title: '关于开展春季植树活动的倡议书', docNumber: '某〔2024〕1号' }, library)).toEqual([]);
  });
  it('ranks the closer titles first and keeps at most the number asked for, ties by id', () => {
    const mine = copyOf(held);
    const all = placementCandidates(mine, library, 100);
    expect(all.length).toBeGreaterThan(1);
    expect(placementCandidates(mine, library, 1)).toEqual([all[0]]);
    const twins = [summarize({ ...held, id: 'b-twin' }), summarize({ ...held, id: 'a-twin' })];
    expect(placementCandidates(mine, twins)).toEqual(['a-twin', 'b-twin']);
  });
});

describe('placeDocument', () => {
  it('places a copy of a held text as the same text, every unit matched and none changed', () => {
    const mine = copyOf(held);
    const other = docs.find((d) => d.id !== held.id && d.title !== held.title)!;
    const got = placeDocument(mine, [held, other, mine]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ other: { id: held.id, title: held.title, docNumber: held.docNumber, date: held.date }, relation: 'same', importedIsNewer: null, changed: 0 });
    expect(got[0].matched).toBeGreaterThan(5);
    expect(got[0].jaccard).toBeGreaterThan(0.9);
  });
  it('places the same text issued again at a later date as a revision, saying which side is newer', () => {
    expect(held.date! < '2025-01-01' && held.date! > '2001-01-01').toBe(true);
    const later = placeDocument(copyOf(held, { date: '2025-01-01' }), [held]);
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ other: { id: held.id, date: held.date }, relation: 'revision', importedIsNewer: true, changed: 0 });
    const earlier = placeDocument(copyOf(held, { date: '2001-01-01' }), [held]);
    expect(earlier[0]).toMatchObject({ relation: 'revision', importedIsNewer: false });
  });
  it('lists the same text before a revision, however the candidates come', () => {
    const mine = copyOf(held);
    const reissue = { ...held, id: 'p-reissue', date: '2025-01-01' };
    for (const candidates of [
      [reissue, held],
      [held, reissue],
    ]) {
      expect(placeDocument(mine, candidates).map((p) => [p.other.id, p.relation])).toEqual([
        [held.id, 'same'],
        ['p-reissue', 'revision'],
      ]);
    }
  });
  it('places nothing without candidates, or among documents it shares no text with', () => {
    const mine = copyOf(held);
    expect(placeDocument(mine, [])).toEqual([]);
    expect(placeDocument(mine, [mine])).toEqual([]);
    const unrelated = docs.filter((d) => d.id !== held.id && d.title !== held.title).slice(0, 2);
    expect(placeDocument(mine, unrelated).filter((p) => p.relation === 'same')).toEqual([]);
  });
});
