/**
 * Word's automatic numbering written into the text. A regulation drafted in Word or WPS often has its
 * 第一条, 一、 or （一） made by a list (numbering.xml), not typed: mammoth's raw text drops them, and the
 * parser then finds no articles at all. Each numbered paragraph gets its label as a run of text at its
 * start, computed as Word shows it (the level's format and text, counters per list, deeper levels
 * restarting), and the file is read as before.
 *
 * The XML is machine-written and regular: elements are found by their tags, not by a general XML parser.
 * What is not understood (a format not listed here, a list defined elsewhere) is labelled in digits or left
 * as it was: never worse than the text without labels.
 */
import JSZip from 'jszip';
import { toChineseNumber } from '../corpus/numerals.js';
import { escapeHtml } from '../util/escape-html.js';
import { decodeEntities } from './html-text.js';

interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the label: a tab or a space (shown here as a full-width space), or nothing. */
  suffix: string;
  /** Legal numbering: every number of the label in digits (1.1.2). */
  legal: boolean;
  /** 0: never restarts after a shallower level. */
  restart: number | null;
}

interface List {
  abstract: string;
  /** Levels this list starts again from a number of its own. */
  startOverride: Map<number, number>;
}


/** The w:val of the first `<tag …>` in `xml` (tag as written, e.g. 'w:numFmt'), or null. */
function valOf(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?=[\\s/>])[^>]*?\\sw:val="([^"]*)"`).exec(xml);
  return m ? decodeEntities(m[1]) : null;
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;

/** Each `<tag …>…</tag>` element: its attributes and its content (these elements do not nest in themselves). */
function* elements(xml: string, tag: string): Generator<{ attrs: string; body: string }> {
  const re = new RegExp(`<${tag}(?=[\\s>])([^>]*)>([\\s\\S]*?)</${tag}>`, 'g');
  for (const m of xml.matchAll(re)) yield { attrs: m[1], body: m[2] };
}

function readLevel(body: string): Level {
  const start = Number(valOf(body, 'w:start') ?? 1);
  const restart = valOf(body, 'w:lvlRestart');
  return {
    start: Number.isFinite(start) ? start : 1,
    format: valOf(body, 'w:numFmt') ?? 'decimal',
    text: valOf(body, 'w:lvlText') ?? '',
    suffix: valOf(body, 'w:suff') === 'nothing' ? '' : '\u3000',
    legal: /<w:isLgl(?=[\s/>])(?![^>]*w:val="(?:0|false)")/.test(body),
    restart: restart === null ? null : Number(restart),
  };
}

const CIRCLED = (n: number, first: number) => (n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n));
const LEGAL: Record<string, string> = { 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 零: '零' };
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function letters(n: number): string {
  // Word repeats the letter: A … Z, AA … ZZ.
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const parts: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of parts) for (; n >= v; n -= v) out += s;
  return out;
}

/** A number in one of Word's formats (ST_NumberFormat); a format not listed here is shown in digits. */
export function formatNumber(n: number, format: string): string {
  if (n < 1 && format !== 'decimal' && format !== 'decimalZero') return String(n);
  switch (format) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n < 1000 ? toChineseNumber(n) : String(n);
    case 'ideographDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return n < 1000 ? toChineseNumber(n).replace(/./g, (c) => LEGAL[c] ?? c) : String(n);
    case 'ideographTraditional':
      return n <= 10 ? STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n <= 12 ? BRANCHES[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return CIRCLED(n, 0x2460);
    case 'decimalEnclosedParen':
      return CIRCLED(n, 0x2474);
    case 'decimalEnclosedFullstop':
      return CIRCLED(n, 0x2488);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/** A paragraph's own numbering (numId, ilvl), or its style's (followed through basedOn). */
interface NumberingRef {
  numId: string | null;
  level: number | null;
}

function numPrOf(pPr: string): NumberingRef | null {
  const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr);
  if (!numPr) return null;
  const level = valOf(numPr[1], 'w:ilvl');
  return { numId: valOf(numPr[1], 'w:numId'), level: level === null ? null : Number(level) };
}

/**
 * document.xml with each numbered paragraph's label written at its start; the same string when nothing is
 * numbered. `numberingXml` and `stylesXml` are the package's numbering.xml and styles.xml (null when absent).
 */
export function labelNumbering(documentXml: string, numberingXml: string | null, stylesXml: string | null): string {
  if (!numberingXml) return documentXml;
  const abstracts = new Map<string, Map<number, Level>>();
  // An abstract list that only names a numbering style (a list style: Word's 1 / 1.1 / 1.1.1, a template's 第一章 / 第一条).
  const styleLinked = new Map<string, string>();
  for (const a of elements(numberingXml, 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    for (const l of elements(a.body, 'w:lvl')) levels.set(Number(attr(l.attrs, 'w:ilvl') ?? 0), readLevel(l.body));
    const id = attr(a.attrs, 'w:abstractNumId') ?? '';
    abstracts.set(id, levels);
    const link = valOf(a.body, 'w:numStyleLink');
    if (link !== null) styleLinked.set(id, link);
  }
  const lists = new Map<string, List>();
  for (const n of elements(numberingXml, 'w:num')) {
    const startOverride = new Map<number, number>();
    for (const o of elements(n.body, 'w:lvlOverride')) {
      const start = valOf(o.body, 'w:startOverride');
      if (start !== null) startOverride.set(Number(attr(o.attrs, 'w:ilvl') ?? 0), Number(start));
    }
    lists.set(attr(n.attrs, 'w:numId') ?? '', { abstract: valOf(n.body, 'w:abstractNumId') ?? '', startOverride });
  }
  const styles = new Map<string, { basedOn: string | null; numbering: NumberingRef | null }>();
  for (const s of elements(stylesXml ?? '', 'w:style')) {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(s.body)?.[1] ?? '';
    styles.set(attr(s.attrs, 'w:styleId') ?? '', { basedOn: valOf(s.body, 'w:basedOn'), numbering: numPrOf(pPr) });
  }
  const styleNumbering = (id: string | null): NumberingRef | null => {
    for (let depth = 0; id && depth < 10; depth++) {
      const style = styles.get(id);
      if (!style) return null;
      if (style.numbering) return style.numbering;
      id = style.basedOn;
    }
    return null;
  };

  /**
   * The abstract list whose levels an instance shows: one that names a numbering style (numStyleLink) has no levels of
   * its own; the style's numbering instance leads to the list that holds them (the one whose styleLink names it).
   */
  const definingAbstract = (id: string): string => {
    for (let hops = 0; hops < 10 && styleLinked.has(id); hops++) {
      const numId = styles.get(styleLinked.get(id)!)?.numbering?.numId;
      const next = numId ? lists.get(numId)?.abstract : undefined;
      if (next === undefined) return id;
      id = next;
    }
    return id;
  };

  // Counters per abstract list (Word continues a list across its instances), and the instances already begun.
  const counters = new Map<string, (number | undefined)[]>();
  const begun = new Set<string>();
  const labelFor = (ref: NumberingRef): string => {
    const list = ref.numId ? lists.get(ref.numId) : undefined;
    const abstract = list && definingAbstract(list.abstract);
    const levels = abstract !== undefined ? abstracts.get(abstract) : undefined;
    const at = ref.level ?? 0;
    const level = levels?.get(at);
    if (!list || !levels || !level || level.format === 'bullet') return '';
    const count = counters.get(abstract!) ?? counters.set(abstract!, []).get(abstract!)!;
    const startOf = (k: number) => list.startOverride.get(k) ?? levels.get(k)?.start ?? 1;
    if (!begun.has(ref.numId!)) {
      begun.add(ref.numId!);
      for (const k of list.startOverride.keys()) count[k] = undefined;
    }
    count[at] = count[at] === undefined ? startOf(at) : count[at]! + 1;
    for (let k = at + 1; k < 9; k++) if (levels.get(k)?.restart !== 0) count[k] = undefined;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const value = count[k] ?? startOf(k);
      return formatNumber(value, level.legal ? 'decimal' : (levels.get(k)?.format ?? 'decimal'));
    });
    if (!label) return '';
    // 一、 and （一） are printed with the text straight after them.
    return /[、，,．.）)]$/.test(label) ? label : label + level.suffix;
  };

  // Each paragraph's opening tag (not a self-closing empty one), then its properties, if it has any.
  const opening = /<w:p(?=[\s>])[^>]*(?<!\/)>/g;
  const parts: string[] = [];
  let copied = 0;
  for (let m = opening.exec(documentXml); m; m = opening.exec(documentXml)) {
    const after = m.index + m[0].length;
    const props = propertiesAt(documentXml, after);
    // A tracked change of the properties holds the old ones (an old numPr among them): not this paragraph's.
    const pPr = props ? documentXml.slice(props.start, props.end).replace(/<w:pPrChange(?=[\s>])[\s\S]*<\/w:pPrChange>/, '') : '';
    const own = numPrOf(pPr);
    if (own?.numId === '0') continue; // numbering taken off this paragraph
    const fromStyle = styleNumbering(valOf(pPr, 'w:pStyle'));
    const ref: NumberingRef | null = own?.numId ? { numId: own.numId, level: own.level ?? fromStyle?.level ?? 0 } : fromStyle;
    const label = ref?.numId ? labelFor(ref) : '';
    if (!label) continue;
    const at = props ? props.close : after;
    parts.push(documentXml.slice(copied, at), `<w:r><w:t xml:space="preserve">${escapeHtml(label)}</w:t></w:r>`);
    copied = at;
  }
  return parts.length ? parts.join('') + documentXml.slice(copied) : documentXml;
}

/**
 * The paragraph properties (`<w:pPr>…</w:pPr>`) starting at `from` after white space: where their content starts and
 * ends, and where the element closes; null when the paragraph has none. Nested pPr (inside w:pPrChange) are counted.
 */
function propertiesAt(xml: string, from: number): { start: number; end: number; close: number } | null {
  const head = /\s*<w:pPr>/y;
  head.lastIndex = from;
  if (!head.exec(xml)) return null;
  const start = head.lastIndex;
  const tags = /<(\/?)w:pPr(?=[\s>\/])[^>]*?(\/?)>/g;
  tags.lastIndex = start;
  let depth = 1;
  for (let t = tags.exec(xml); t; t = tags.exec(xml)) {
    if (t[2]) continue; // <w:pPr/>
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { start, end: t.index, close: t.index + t[0].length };
  }
  return null;
}

/** The DOCX with its numbering written into the text (labelNumbering); the same bytes when nothing is numbered or it does not read. */
export async function withNumberLabels(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes; // not a zip: mammoth says so in its own words
  }
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve(null);
  const [documentXml, numberingXml, stylesXml] = await Promise.all([read('word/document.xml'), read('word/numbering.xml'), read('word/styles.xml')]);
  if (documentXml === null || numberingXml === null) return bytes;
  const labelled = labelNumbering(documentXml, numberingXml, stylesXml);
  if (labelled === documentXml) return bytes;
  zip.file('word/document.xml', labelled);
  return zip.generateAsync({ type: 'uint8array' });
}
