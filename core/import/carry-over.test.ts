/**
 * Annotations offered on a new version: a real corpus document and a revision
 * of it (one item reworded, one sentence struck) imported as a user document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitBodyText } from '../annotations/anchor';
import { newAnnotation } from '../annotations/create';
import { quoteOf } from '../annotations/model';
import { buildCorpus } from '../corpus/build';
import type { PolicyDocument, Unit } from '../corpus/types';
import { allUnits } from '../corpus/units';
import { sha256Hex } from '../../test-support/sha256';
import { carryOver } from './carry-over';
import { withId } from './user-documents';

const raw = readFileSync(join(__dirname, '..', '..', 'resources', 'corpus', 'raw', '003_3b0432dd4a7437f5.txt'));
const older = buildCorpus([{ name: '003.txt', bytes: new Uint8Array(raw) }], sha256Hex).docs.find((d) => d.docNumber === '宁市监〔2023〕115号')!;
const items = allUnits(older.units).filter((u) => u.paragraphs.length && unitBodyText(u).length > 40);
const [kept, reworded] = items;
// An item whose first sentence is long enough to be found nowhere else in the document.
const struck = items.slice(2).find((u) => unitBodyText(u).split('。')[0].length >= 20)!;

/** The revision: `reworded` gets a new closing phrase, `struck` loses its first sentence. */
function revise(doc: PolicyDocument): PolicyDocument {
  const edit = (units: Unit[]): Unit[] =>
    units.map((u) => {
      let paragraphs = u.paragraphs;
      if (u.id === reworded.id) paragraphs = [{ ...u.paragraphs[0], text: u.paragraphs[0].text.replace(/。$/, '，并每季度通报进展。') }, ...u.paragraphs.slice(1)];
      if (u.id === struck.id) paragraphs = [{ ...u.paragraphs[0], text: u.paragraphs[0].text.replace(/^[^。]+。/, '') }, ...u.paragraphs.slice(1)];
      return { ...u, paragraphs, children: edit(u.children) };
    });
  return withId({ ...doc, date: '2024-05-29', units: edit(doc.units) }, 'u0123456789a');
}

const mark = (u: Unit, start: number, end: number) =>
  newAnnotation({ motivation: 'highlighting', doc: older, unit: u, range: { start, end }, colour: 'green', note: '原批注', contentHash: 'c1', now: '2025-01-01T00:00:00.000Z' });

describe('carryOver', () => {
  it('copies each annotation onto the new version, keeps the original, and says which clauses the revision changed', () => {
    const newer = revise(older);
    const firstSentence = unitBodyText(struck).split('。')[0];
    const annotations = [mark(kept, 2, 12), mark(reworded, 2, 12), mark(struck, 0, firstSentence.length)];
    const out = carryOver(annotations, older, newer, 'c2', '2026-01-01T00:00:00.000Z');

    expect(out.map((c) => c.from)).toEqual(annotations);
    const [a, b, c] = out;
    expect(a.clauseChanged).toBe(false);
    expect(a.copy!.target['policyReader:unitId']).toBe(`${newer.id}~${kept.path}`);
    expect(a.copy!.id).not.toBe(annotations[0].id);
    expect(quoteOf(a.copy!)!.exact).toBe(quoteOf(annotations[0])!.exact);
    expect(a.copy!.body).toEqual(annotations[0].body);
    // Reworded clause: the words are still there, the clause is flagged for a look.
    expect(b.clauseChanged).toBe(true);
    expect(b.copy!.target['policyReader:unitId']).toBe(`${newer.id}~${reworded.path}`);
    // A struck sentence: nothing to place it on; the original stays where it was.
    expect(c.clauseChanged).toBe(true);
    expect(c.copy).toBeNull();
  });

  it('dates each copy at the carrying over, and places an annotation that names no clause by its words, unflagged', () => {
    const newer = revise(older);
    const onKept = mark(kept, 2, 12);
    const loose = { ...onKept, target: { ...onKept.target, 'policyReader:unitId': null } };
    const [k, l] = carryOver([onKept, loose], older, newer, 'c2', '2026-01-01T00:00:00.000Z');
    expect([k.copy!.created, k.copy!.modified]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    expect(onKept.created).toBe('2025-01-01T00:00:00.000Z');
    expect(l.clauseChanged).toBe(false);
    expect(l.copy!.target['policyReader:unitId']).toBe(`${newer.id}~${kept.path}`);
  });
});
