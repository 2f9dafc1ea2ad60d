/**
 * "Related by subject" on real regulations at two dates (fixtures/laws, from LawRefBook/Laws, read
 * from the source's Markdown): the same regulation at two dates names the same subject, different
 * regulations share only the boilerplate every regulation prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lawDocFromMarkdown } from '../../test-support/law-markdown.js';
import { flattenUnits, unitOwnText } from '../corpus/structure.js';
import type { PolicyDocument } from '../corpus/types.js';
import { SUBJECT_NEIGHBOURS, subjectPairs } from './subject.js';

const DIR = path.resolve(__dirname, 'fixtures/laws');
let docs: PolicyDocument[];
const byId = (id: string) => docs.find((d) => d.id === id)!;
const never = () => false;
const key = (p: { a: string; b: string }) => `${p.a},${p.b}`;

beforeAll(() => {
  docs = readdirSync(DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .map((f) => lawDocFromMarkdown(f, readFileSync(path.join(DIR, f), 'utf8'))!);
});

describe('subjectPairs on real regulations', () => {
  it('pairs exactly the same regulation at its two dates, each pair once, ids in order, sorted', () => {
    const pairs = subjectPairs(docs, never);
    const titles = new Set(docs.map((d) => d.title));
    expect(titles.size).toBe(docs.length / 2); // the fixture: each regulation at two dates
    expect(pairs.map((p) => byId(p.a).title === byId(p.b).title)).toEqual(Array(titles.size).fill(true));
    expect(new Set(pairs.map((p) => byId(p.a).title)).size).toBe(titles.size);
    for (const p of pairs) expect(p.a < p.b).toBe(true);
    expect(pairs.map((p) => p.a + p.b)).toEqual(pairs.map((p) => p.a + p.b).sort());
  });

  it("a text variant does not take a neighbour's place: the document keeps its next best instead", () => {
    // Every document's pairs at threshold 0, declared text variants: the documents must find other neighbours,
    // which a top list cut before the variants were taken out would have left empty.
    const first = subjectPairs(docs, never, 0);
    const variants = new Set(first.map(key));
    const second = subjectPairs(docs, (a, b) => variants.has(`${a},${b}`) || variants.has(`${b},${a}`), 0);
    expect(second.filter((p) => variants.has(key(p)))).toEqual([]);
    const reached = new Set(second.flatMap((p) => [p.a, p.b]));
    // Most regulations share some rare wording (工商, 设区的市 …) with another one, far below the threshold.
    expect(reached.size).toBeGreaterThanOrEqual(docs.length / 2);
  });

  it(`keeps at most ${SUBJECT_NEIGHBOURS} neighbours of each document's own choosing`, () => {
    // At threshold 0 every document reached competes. Declaring each round's pairs text variants makes the
    // next round list the next best, until every pair sharing an informative term has been listed.
    const rounds: number[] = [];
    const listed = new Set<string>();
    for (let r = 0; r < 100; r++) {
      const pairs = subjectPairs(docs, (a, b) => listed.has(`${a},${b}`) || listed.has(`${b},${a}`), 0);
      if (!pairs.length) break;
      rounds.push(pairs.length);
      for (const p of pairs) listed.add(key(p));
    }
    // A pair is one of its documents' own best, so a round lists at most that many per document …
    for (const count of rounds) expect(count).toBeLessThanOrEqual(SUBJECT_NEIGHBOURS * docs.length);
    // … and documents with more candidates than that had to wait for the next rounds.
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds[0]).toBeLessThan(listed.size);
  });

  it("names terms that both documents' texts contain", () => {
    const text = (d: PolicyDocument) => d.title + flattenUnits(d.units).map(unitOwnText).join('|');
    const pairs = subjectPairs(docs, never, 0);
    expect(pairs.every((p) => p.terms.length > 0)).toBe(true);
    for (const p of pairs) for (const t of p.terms) expect([t, text(byId(p.a)).includes(t), text(byId(p.b)).includes(t)]).toEqual([t, true, true]);
    // The same regulation at two dates shares its title's words first.
    for (const p of subjectPairs(docs, never)) expect(byId(p.a).title).toContain(p.terms[0]);
  });
});
