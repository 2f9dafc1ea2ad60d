/** The running header a text is printed under: the gazette of the body that made it, or a compilation's name. */
import type { LawText } from './law-source.js';

export function gazetteHeader(law: LawText, compilation: boolean): string {
  if (compilation) return law.folder === 'DLC' ? '地方性法规汇编' : '法律法规汇编';
  const body = law.meta.find((m) => m.body)?.body ?? '';
  if (body.includes('全国人民代表大会')) return '全国人民代表大会常务委员会公报';
  if (body === '国务院') return '中华人民共和国国务院公报';
  if (body === '最高人民法院') return '最高人民法院公报';
  if (body === '最高人民检察院') return '最高人民检察院公报';
  if (/人民代表大会/.test(body)) return `${body.replace(/人民代表大会.*$/, '')}人民代表大会常务委员会公报`;
  return '政府公报';
}
