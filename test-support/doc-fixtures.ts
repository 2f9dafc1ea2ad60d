/**
 * Hand-made documents for unit tests: the given units under neutral metadata
 * (no issuer, 文号, date or region; kind 办法), any field overridden. One
 * place for the shape of a PolicyDocument, so a new field is added once.
 * Test code: kept out of core/ so the app never ships it.
 */
import type { PolicyDocument, Unit, UnitLevel } from '../core/corpus/types.js';

export function testDocument(id: string, units: Unit[], fields: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    formatVersion: 1,
    id,
    title: `测试文件${id}`,
    titleSource: 'title-line',
    issuer: '',
    issuers: [],
    docNumber: null,
    date: null,
    effectiveDate: null,
    authors: [],
    region: { level: 'unknown', province: null, city: null },
    kind: '办法',
    sources: [],
    unitCount: units.length,
    charCount: 0,
    bodyMissing: null,
    addressees: null,
    signature: [],
    units,
    ...fields,
  };
}

/** A unit of document `docId` at `path` (id `docId~path`), each text one paragraph on page 1, any field overridden. */
export function testUnit(docId: string, path: string, level: UnitLevel, label: string, texts: string[] = [], fields: Partial<Unit> = {}): Unit {
  return { id: `${docId}~${path}`, path, level, label, heading: null, paragraphs: texts.map((text) => ({ text, pages: [1] })), pages: [1], children: [], ...fields };
}
