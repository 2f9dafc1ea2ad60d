/**
 * Subject pairs as the build makes them (subject-thread.ts): ranked in a worker thread, or here, from terms kept
 * by the last build where a document is unchanged. On real regulations (core/compare/fixtures/laws) and a reprint
 * of each under another id, the pairs must be the ones detection makes in this thread from the texts, whatever
 * the text variants; the store must be used for exactly the documents whose keys it has.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lawsWithReprints } from '../test-support/law-markdown.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { docPairKey } from '../core/compare/clause-matches.js';
import { subjectPairs } from '../core/compare/subject.js';
import { decodeSubjectTerms, encodeSubjectTerms, subjectTerms } from '../core/compare/subject-terms.js';
import { startSubjectJob, subjectStamp, termSources, termsInOrder } from './subject-thread.js';
import { writeAside, type StateFile } from './variants-cache.js';

// A province reprinting each regulation: another id, the same articles.
const { laws, docs } = lawsWithReprints();
const n = docs.length;
const keyOf = (d: PolicyDocument) => `key-${d.id}`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-subject-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The store as a file in a folder of its own, as the variants cache keeps it. */
function stateFile(name: string): StateFile & { bytes(): Uint8Array | null } {
  const file = path.join(tmp, name);
  const read = () => {
    try {
      return readFileSync(file);
    } catch {
      return null;
    }
  };
  // Written as the variants cache writes it (aside, then renamed; in parts, gathered).
  return { path: file, read, bytes: read, write: (b) => void writeAside(file, b), writeParts: (parts) => void writeAside(file, parts) };
}

// Each law and its reprint are text variants; so is every third pair of laws: the pairs must leave all of them out.
const variantPairs: [number, number][] = [...laws.map((_, i): [number, number] => [i, i + laws.length]), ...laws.flatMap((_, i) => (i % 3 === 0 && i + 1 < laws.length ? [[i, i + 1] as [number, number]] : []))];
const textVariants = () => Float64Array.from(variantPairs, ([a, b]) => docPairKey(a, b, n)).sort();
const isVariant = (i: number, j: number) => variantPairs.some(([a, b]) => (a === i && b === j) || (a === j && b === i));
const expected = subjectPairs(docs, isVariant);

describe('subject pairs in the build', () => {
  it('the corpus has pairs by subject, and the text variants take some out', () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(subjectPairs(docs, () => false).length).toBeGreaterThan(expected.length);
  });

  it('a first build ranks after detection, in its thread; the next, with the store, ranks in a worker thread: the same pairs, and the store written', async () => {
    const state = stateFile('thread.bin');
    // No store: ranked when the pairs are asked for, here, and the store written then.
    const first = startSubjectJob(docs, keyOf, state, { jobs: 1, minDocs: n });
    expect([first.kept, first.inThread, state.bytes()]).toEqual([0, false, null]);
    expect(await first.pairs(textVariants())).toEqual(expected);
    const stored = decodeSubjectTerms(state.bytes()!, subjectStamp())!;
    expect(stored.keys).toEqual(docs.map(keyOf));
    expect(Array.from(stored.terms[3].body)).toEqual(Array.from(subjectTerms(docs[3]).body));

    // With it, as many documents as the least for a thread: every document's terms kept, ranked in a thread, which
    // writes the store again before it answers.
    rmSync(state.path);
    writeFileSync(state.path, encodeSubjectTerms(stored.keys, stored.terms, subjectStamp()));
    const again = startSubjectJob(docs, keyOf, state, { jobs: 1, minDocs: n });
    expect([again.kept, again.inThread]).toEqual([n, true]);
    expect(await again.pairs(textVariants())).toEqual(expected);
    await again.stop();
    expect(decodeSubjectTerms(state.bytes()!, subjectStamp())!.keys).toEqual(docs.map(keyOf));

    // A store with less than half the documents: after detection, here.
    const some = docs.slice(0, Math.ceil(n / 2) - 1);
    writeFileSync(state.path, encodeSubjectTerms(some.map(keyOf), some.map(subjectTerms), subjectStamp()));
    const few = startSubjectJob(docs, keyOf, state, { jobs: 1, minDocs: n });
    expect([few.kept, few.inThread]).toEqual([some.length, false]);
    expect(await few.pairs(textVariants())).toEqual(expected);
    // Exactly half: a thread.
    const half = docs.slice(0, n / 2);
    writeFileSync(state.path, encodeSubjectTerms(half.map(keyOf), half.map(subjectTerms), subjectStamp()));
    const halfJob = startSubjectJob(docs, keyOf, state, { jobs: 1, minDocs: n });
    expect([halfJob.kept, halfJob.inThread]).toEqual([n / 2, true]);
    expect(await halfJob.pairs(textVariants())).toEqual(expected);
    await halfJob.stop();
  }, 60_000);

  it('ranked here (no threads, or few documents): the same pairs, and the store written', async () => {
    for (const [name, options] of [
      ['here-jobs0.bin', { jobs: 0, minDocs: 1 }],
      ['here-few.bin', { jobs: 2, minDocs: n + 1 }],
    ] as const) {
      const state = stateFile(name);
      const job = startSubjectJob(docs, keyOf, state, options);
      expect(job.inThread).toBe(false);
      expect(await job.pairs(textVariants())).toEqual(expected);
      expect(decodeSubjectTerms(state.bytes()!, subjectStamp())!.keys.length).toBe(n);
      // With every document in the store, still here: no threads, or too few documents.
      const again = startSubjectJob(docs, keyOf, state, options);
      expect([again.kept, again.inThread]).toEqual([n, false]);
    }
  });

  it("takes a document's terms from the store exactly when the store has its key, of this code", () => {
    // A store whose entry for docs[0]'s key holds docs[1]'s terms: it must be taken as it is (the key says the
    // document is the one the store was made of); docs[1], under another key, is read from its text.
    const planted = encodeSubjectTerms([keyOf(docs[0]), 'key-gone'], [subjectTerms(docs[1]), subjectTerms(docs[2])], subjectStamp());
    const three = docs.slice(0, 3);
    const got = termSources(three, keyOf, planted, subjectStamp());
    expect(got.kept).toBe(1);
    expect(decodeSubjectTerms(got.fresh, subjectStamp())!.keys).toEqual([keyOf(docs[1]), keyOf(docs[2])]);
    let saved: Uint8Array | null = null;
    const terms = termsInOrder(got.keys, got.last, got.fresh, subjectStamp(), (s) => (saved = s));
    expect(Array.from(terms[0].body)).toEqual(Array.from(subjectTerms(docs[1]).body));
    expect(Array.from(terms[1].body)).toEqual(Array.from(subjectTerms(docs[1]).body));
    expect(Array.from(terms[2].title)).toEqual(Array.from(subjectTerms(docs[2]).title));
    // A document in neither store is an error of the caller's, not terms made up.
    expect(() => termsInOrder([...got.keys, 'key-nowhere'], got.last, got.fresh, subjectStamp(), () => undefined)).toThrow(/neither store/);
    // The store handed on names this build's documents only, in order.
    expect(decodeSubjectTerms(saved!, subjectStamp())!.keys).toEqual(three.map(keyOf));
    // Made by other code, or damaged: nothing is taken, and the store is not handed on.
    for (const [bytes, stamp] of [
      [planted, 'other code'],
      [Object.assign(planted.slice(), { 40: planted[40] ^ 1 }), subjectStamp()],
    ] as const) {
      const none = termSources(three, keyOf, bytes, stamp);
      expect([none.kept, none.last]).toEqual([0, null]);
    }
  });
});
