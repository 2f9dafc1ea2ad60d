/**
 * A law from LawRefBook/Laws (Markdown: `# title`, metadata lines, `<!-- INFO END -->`, then `第…条`
 * paragraphs) as a PolicyDocument, the way the source's own metadata gives it: title, the date of the
 * version from the file name `…(YYYY-MM-DD).md`, articles with their later paragraphs. For tests and
 * benchmarks of what comes after the parser (variants, search), so they do not depend on how the
 * parser reads a law.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hashString } from '../core/compare/shingles.js';
import type { PolicyDocument, Unit } from '../core/corpus/types.js';

export function lawDocFromMarkdown(fileName: string, markdown: string, issuer = '国务院'): PolicyDocument | null {
  const m = /^(.+?)(?:\((\d{4}-\d{2}-\d{2})\))?\.md$/.exec(fileName);
  if (!m) return null;
  const heading = /^#\s+(.+)$/m.exec(markdown);
  const title = (heading?.[1] ?? m[1]).trim();
  const date = m[2] ?? null;
  // Two FNV-1a hashes of title and date: distinct for distinct versions, URL-safe like corpus ids.
  const key = `${m[1]}|${date}`;
  const id = 'law' + hashString(key).toString(16).padStart(8, '0') + hashString(key + '#').toString(16).padStart(8, '0');
  const body = markdown.includes('<!-- INFO END -->') ? markdown.split('<!-- INFO END -->')[1] : markdown.replace(/^#\s+.+$/m, '');
  const units: Unit[] = [];
  for (const line of body.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#') || line.startsWith('<!--')) continue;
    const art = /^(第[一二三四五六七八九十百千零]+条)\s*(.*)$/.exec(line);
    if (art) {
      const path = `ar${units.length + 1}`;
      units.push({ id: `${id}~${path}`, path, level: 'article', label: art[1], heading: null, paragraphs: [{ text: art[2], pages: [] }], pages: [], children: [] } as unknown as Unit);
    } else if (units.length) units[units.length - 1].paragraphs.push({ text: line, pages: [] });
  }
  if (!units.length) return null;
  return {
    formatVersion: 1,
    id,
    title,
    titleSource: 'title-line',
    issuer,
    issuers: [issuer],
    docNumber: null,
    date,
    effectiveDate: null,
    region: { level: 'national', province: null, city: null },
    kind: /条例$/.test(title) ? '条例' : /细则$/.test(title) ? '细则' : /办法$/.test(title) ? '办法' : /规定$/.test(title) ? '规定' : '其他',
    sources: [],
    unitCount: units.length,
    charCount: units.reduce((n, u) => n + u.paragraphs.reduce((k, p) => k + p.text.length, 0), 0),
    addressees: null,
    signature: [],
    units,
  } as unknown as PolicyDocument;
}

/**
 * The real regulations of core/compare/fixtures/laws (each at two dates), then a province's reprint of each under
 * another id (`<id>p`, the same articles): with the reprints, the corpus has boilerplate in more than 20 documents.
 */
export function lawsWithReprints(): { laws: PolicyDocument[]; reprints: PolicyDocument[]; docs: PolicyDocument[] } {
  const dir = path.resolve(import.meta.dirname, '../core/compare/fixtures/laws');
  const laws = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .map((f) => lawDocFromMarkdown(f, readFileSync(path.join(dir, f), 'utf8'))!);
  const reprints = laws.map((d) => ({ ...d, id: `${d.id}p`, units: d.units.map((u) => ({ ...u, id: u.id.replace(d.id, `${d.id}p`) })) }));
  return { laws, reprints, docs: [...laws, ...reprints] };
}
