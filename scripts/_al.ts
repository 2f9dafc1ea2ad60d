import { readFileSync } from 'node:fs';
import { alignDocuments } from '../core/compare/align.js';
import { reconstructA, reconstructB } from '../core/compare/diff.js';
const load = (id: string) => JSON.parse(readFileSync(`resources/corpus/docs/${id}.json`, 'utf8'));
const [x, y] = process.argv.slice(2);
const t = performance.now();
const al = alignDocuments(load(x), load(y));
console.log('ms', performance.now() - t, al.summary);
for (const r of al.rows) if (r.status !== 'same') console.log(r.status, r.a, r.b, r.similarity, r.renumbered ?? '', r.split ?? '', JSON.stringify(r.ops.filter((o) => o[0] !== '=' || o.length === 3)).slice(0, 200));
