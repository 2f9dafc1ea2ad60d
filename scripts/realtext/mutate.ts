/**
 * Mutated copies for benchmark sets larger than the real text available: a
 * real extracted file repeated with its titles renamed for a city (青岛市 +
 * the law's name) and every year moved back by a multiple of four (so 2月29日
 * stays a date). Only lines' contents change, so the key's line numbers
 * hold; the copies are marked `mutated` and the scorer leaves them out.
 */
import gazetteer from '../../core/corpus/gazetteer.json' with { type: 'json' };
import type { KeyDoc, KeyFile } from './key.js';

interface Province {
  name: string;
  cities: string[];
}

const cities = (gazetteer as { provinces: Province[] }).provinces.flatMap((p) => p.cities.map((c) => ({ province: p.name, city: c })));

function shiftYears(s: string, delta: number): string {
  return s.replace(/(19|20)(\d\d)(?=年|-)/g, (y) => String(Number(y) - delta));
}

export function mutateFile(raw: string, file: KeyFile, k: number, name: string): { raw: string; file: KeyFile } {
  const place = cities[(k * 7919) % cities.length];
  const delta = 4 * (1 + (k % 5));
  const lines = raw.split('\n');
  const docs: KeyDoc[] = file.docs.map((d, i) => {
    const at = d.titleLine - 1;
    // The first title line gets the city's name in front (中华人民共和国 gives way to it).
    lines[at] = lines[at].replace(/^([\s\u3000]*)(?:中华人民共和国)?/, `$1${place.city}`);
    const shift = (s: string | null) => (s ? shiftYears(s, delta) : s);
    return {
      ...d,
      key: `${name}#${i + 1}`,
      title: place.city + d.title.replace(/^中华人民共和国/, ''),
      date: shift(d.date),
      adoptedDate: shift(d.adoptedDate),
      effectiveDate: shift(d.effectiveDate),
      sentences: d.sentences.map((s) => shiftYears(s, delta)),
      wrapPhrases: d.wrapPhrases.map((s) => shiftYears(s, delta)),
      versionGroup: null,
      mutated: true,
      source: { ...d.source, note: `mutated copy ${k} of ${file.file} (real text exhausted)` },
    };
  });
  return { raw: shiftYears(lines.join('\n'), delta), file: { ...file, file: `${name}.txt`, docs } };
}
