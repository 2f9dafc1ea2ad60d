/**
 * A small real PDF written by hand, for tests that must run pdf.js on real bytes without
 * printing through Chromium (seconds a file): each page's lines are set in a CID font with
 * Identity-H encoding and a ToUnicode map, as office tools write Chinese text, one line per
 * text object, 12pt, 20pt apart, from the top left. A page with no lines has no text layer.
 * The cross-reference offsets are computed, so pdf.js reads it without repairing it.
 */
export function minimalPdf(pages: readonly (readonly string[])[]): Uint8Array {
  const chars = [...new Set(pages.flat().join(''))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const utf16 = (c: string) => [...c].map((u) => hex4(u.codePointAt(0)!)).join('');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Test-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c) => `<${hex4(cid.get(c)!)}> <${utf16(c)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 2; // object numbers from 3: 1 is the catalog, 2 the page tree
  const font = add('<</Type/Font/Subtype/Type0/BaseFont/TestSong/Encoding/Identity-H/DescendantFonts[4 0 R]/ToUnicode 5 0 R>>');
  add('<</Type/Font/Subtype/CIDFontType0/BaseFont/TestSong/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor 6 0 R/DW 1000>>');
  add(`<</Length ${toUnicode.length}>>\nstream\n${toUnicode}\nendstream`);
  add('<</Type/FontDescriptor/FontName/TestSong/Flags 4/FontBBox[0 -120 1000 880]/ItalicAngle 0/Ascent 880/Descent -120/CapHeight 700/StemV 80>>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - 20 * i} Td <${[...l].map((c) => hex4(cid.get(c)!)).join('')}> Tj ET`).join('\n');
    const stream = add(`<</Length ${content.length}>>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 ${font} 0 R>>>>/Contents ${stream} 0 R>>`));
  }
  const all = [`<</Type/Catalog/Pages 2 0 R>>`, `<</Type/Pages/Kids[${pageIds.map((p) => `${p} 0 R`).join(' ')}]/Count ${pageIds.length}>>`, ...objects];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${all.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  // Every byte above is ASCII, so string offsets are byte offsets.
  return new TextEncoder().encode(out);
}
