import { readFileSync } from 'node:fs';
import { toLines } from '../core/corpus/lines';
import { removeFurniture } from '../core/corpus/furniture';
import { toParagraphs } from '../core/corpus/paragraphs';
const text = readFileSync(process.argv[2], 'utf8');
const { lines } = toLines(text);
const f = removeFurniture(lines) as any;
const paras = toParagraphs(f.lines ?? f.kept ?? f);
for (const p of paras.slice(0, 6)) console.log(JSON.stringify({ t: p.text.slice(0, 40), first: p.firstLine, last: p.lastLine, box: (p as any).boxStart }));
