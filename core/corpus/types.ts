/**
 * The parsed-corpus format, version 1. This file is the contract between the
 * corpus build (core/ + cli/), the main process and the renderer: anything
 * that reads `resources/corpus/` reads these shapes, and validates them with
 * `core/corpus/restore.ts` before use.
 *
 * Layout written by `npm run build:corpus`:
 *   resources/corpus/manifest.json      Manifest
 *   resources/corpus/library.json       DocSummary[] (sorted by id)
 *   resources/corpus/docs/<id>.json     PolicyDocument
 */

export const CORPUS_FORMAT_VERSION = 1;

/** Where a document was found in a raw file. Lines are 1-based and inclusive. */
export interface SourceRef {
  file: string;
  startLine: number;
  endLine: number;
  /** Page numbers from `# Page N:` markers; null where the file has none. */
  firstPage: number | null;
  lastPage: number | null;
}

export type DocKind =
  | '通知'
  | '办法'
  | '意见'
  | '方案'
  | '措施'
  | '条例'
  | '规定'
  | '要点'
  | '计划'
  | '细则'
  | '决定'
  | '公告'
  | '法' // 中华人民共和国…法
  | '解释' // judicial interpretations (…的解释)
  | '规则'
  | '修正案'
  | '批复'
  | '答复' // 对…建议/提案的答复
  | '函' // 函, 复函
  | '预案' // 应急预案: what each body does in an emergency, by level (国家粮食应急预案)
  | '通报' // a statutory kind of 公文 (党政机关公文处理工作条例 第八条): praise, criticism, a situation made known
  | '规范' // what a task must meet, article by article (…工作规范, 医疗机构制剂配制质量管理规范（试行）)
  | '指南' // how to do something, 指南 or 指引 (…合规指引, 政务服务事项办事指南)
  | '解读'
  | '新闻'
  | '文章'
  | '其他';

/** Every kind, in the order a list offers them (the library's facet, the 编辑信息 form, validation of stored documents). */
export const DOC_KINDS: readonly DocKind[] = ['通知', '办法', '意见', '方案', '措施', '条例', '规定', '要点', '计划', '细则', '决定', '公告', '法', '解释', '规则', '修正案', '批复', '答复', '函', '预案', '通报', '规范', '指南', '解读', '新闻', '文章', '其他'];

/** How the title was obtained: honest provenance for titles the text lacks. */
export type TitleSource =
  | 'title-line' // the document's own title line(s)
  | 'running-header' // recovered from page furniture that repeats the title
  | 'trailing-title' // a title printed after the first paragraphs (signed articles)
  | 'inferred'; // composed from other metadata; shown with a marker in the UI

/**
 * How far a document reaches. `national` (国务院, 部委, 国家…局) and `unknown`
 * (no issuer or place named) are different things: the library shows 全国
 * for the first and 未注明 for the second.
 */
export type RegionLevel = 'national' | 'province' | 'city' | 'district' | 'unknown';

export interface Region {
  level: RegionLevel;
  /** e.g. 山东省, 上海市; null for national documents and unknown origin. */
  province: string | null;
  /** e.g. 青岛市; null when the document is province-wide or national. A municipality's district is here too (上海市 黄浦区). */
  city: string | null;
  /** A district or county under a prefecture-level city (浙江省 杭州市 余杭区); absent otherwise. */
  district?: string | null;
}

export interface DocSummary {
  /**
   * URL-safe, `p` + 11 hex digits: from the 文号 when no other document has
   * the same one (a corrected title keeps the id), else from title + date +
   * 文号. Stable across rebuilds and reordering of the raw files.
   */
  id: string;
  title: string;
  titleSource: TitleSource;
  /** Display form: issuers joined with '、'. Empty string when unknown. */
  issuer: string;
  issuers: string[];
  /** 文号, e.g. 沪商自贸〔2023〕132号; null when the document has none. */
  docNumber: string | null;
  /** Issue or publication date, ISO (YYYY-MM-DD); null when the text does not give one. */
  date: string | null;
  /** Date the text says it takes effect (本办法自…起施行, or 施行 in a law's metadata), ISO; null when not stated. */
  effectiveDate: string | null;
  /**
   * Date a law or regulation was first adopted (…会议通过), ISO; present only
   * where its metadata prints one (then `date` is the version the text is:
   * the latest 通过/公布/修正/修订/批准). Absent in corpora built before it existed.
   */
  adoptedDate?: string;
  /** Authors of a signed article (文章); empty for official documents. */
  authors: string[];
  region: Region;
  kind: DocKind;
  sources: SourceRef[];
  unitCount: number;
  /** Characters of clean text in all units. */
  charCount: number;
  /** Set when the document has no body text in its sources; the reader says why instead of showing an empty page. */
  bodyMissing: BodyMissing | null;
}

/** Why a document has a title but no text. `detail` is for maintainers (e.g. which pages were blank). */
export interface BodyMissing {
  reason: 'blank-pages' | 'no-text';
  detail?: string;
}

/**
 * Structural levels. Regulations use part…item (编/章/节/条/款/项);
 * notices and plans use outline levels (一、 /（一）/ 1. /（1）).
 * `preamble` holds text before the first structural marker, `para` a plain
 * paragraph that is not numbered (e.g. in articles and news).
 */
export type UnitLevel =
  | 'part' // 编
  | 'subpart' // 分编 (民法典 第三编 合同 › 第一分编 通则)
  | 'chapter' // 章
  | 'section' // 节
  | 'article' // 条
  | 'clause' // 款
  | 'item' // 项 （一）inside an article
  | 'outline1' // 一、
  | 'outline2' // （一）
  | 'outline3' // 1.
  | 'outline4' // （1）
  | 'preamble'
  | 'para'
  | 'note' // 附注 under the signature: （此件公开发布）, （联系人：…） (assemble.ts), shown, not used to pair texts
  | 'imprint' // 版记: 抄送：…, …印发 at the document's foot (imprint.ts), shown but not compared
  | 'appendix'; // an attached document (附件, the measures a 通知 issues)

export interface Paragraph {
  /** Clean text for display: wrapped lines joined, furniture removed. */
  text: string;
  /** Source page(s) this paragraph came from (empty where the file has no pages). */
  pages: number[];
}

export interface Unit {
  /** `${docId}~${path}`: URL-safe; see `path` for what keeps it stable. */
  id: string;
  /**
   * Structural path from the unit's own and its ancestors' numbers, e.g.
   * `ch1.ar10`, `ch1.ar10.k2.it1`, `a2.b3.c1`, `att1.a1`; unnumbered
   * paragraphs outside numbered units are named after their text
   * (`pre-k3f9a`, `p-0x2mz`), so inserting a paragraph renames nothing else.
   */
  path: string;
  level: UnitLevel;
  /** Marker as printed: 第三条, （二）, 一、, 1. ; empty for preamble/para. */
  label: string;
  /**
   * The marker exactly as printed (26、 where `label` is 26.), present only
   * where it differs from `label`; absent for synthetic labels (第一款).
   */
  printedLabel?: string;
  /** Heading where the unit has one (第一章 总则 → 总则), else null. */
  heading: string | null;
  /** The unit's own paragraphs (children excluded). */
  paragraphs: Paragraph[];
  /** Union of the pages of own paragraphs and children. */
  pages: number[];
  children: Unit[];
}

export interface PolicyDocument extends DocSummary {
  formatVersion: typeof CORPUS_FORMAT_VERSION;
  /** Addressees line (各相关单位：) where present. */
  addressees: string | null;
  /** Signature block lines (issuing bodies, date) where present. */
  signature: string[];
  units: Unit[];
  /** Where a reprinted text says it came from (转自…). */
  reprintedFrom?: string;
}

export interface BuildWarning {
  file: string;
  message: string;
}

export interface Manifest {
  formatVersion: typeof CORPUS_FORMAT_VERSION;
  /**
   * SHA-256 over every file the build writes except manifest.json
   * (library.json, docs/*.json, search/*), as the sorted list of
   * `path\nsha256(content)`: the same raw files give the same hash.
   */
  contentHash: string;
  counts: {
    rawFiles: number;
    documents: number;
    units: number;
    characters: number;
    skippedFiles: number;
  };
  /**
   * `lines`: lines of text in the raw file (page markers excluded); `dropped`: lines
   * taken out of the text, by rule (page-number, latin, page-repeat,
   * running-header, trailing-title, byline, heading-echo).
   */
  rawFiles: { file: string; sha256: string; encoding: string; lines: number; dropped: Record<string, number> }[];
  warnings: BuildWarning[];
  /** Things the build decided that a maintainer should know (front matter skipped, …). */
  notes: string[];
  /**
   * Every file this build wrote besides manifest.json, sorted: what a later
   * build may delete when it retires this version (and nothing else). Absent
   * in manifests written before it was recorded.
   */
  files?: string[];
}
