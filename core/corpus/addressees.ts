/**
 * A document's addressees (主送机关): the line above its body that names whom it is sent to, ending in a colon.
 * Most name bodies as a class (各省、自治区、直辖市人民政府，国务院各部委、各直属机构：); a 批复 or 复函 names the body that
 * asked (湖北省人民政府：, 武警总部：, 国家经贸委、冶金部：), and a reply to a deputy's proposal names the deputy
 * (石英代表：, 邓乃扬、韩汝琦委员：). A printout that keeps no indent runs them into the body's first sentence
 * (湖北省人民政府：你省《关于…的请示》收悉。): `leadingAddressees` takes them back out.
 */
import { ORG_SUFFIX } from './patterns.js';

/** How a body or a place that can be sent a document ends, beyond ORG_SUFFIX's bodies: units, regions, forces. */
const RECIPIENT_END = /(?:委|办|行|司|单位|机关|机构|部门|兵团|总队|党组|党委|省|市|区|县|州|盟|旗|镇|乡|街道)$/;
/** How a person addressed by a reply ends: a deputy's or a member's title (周桂英等代表, 马万祺副主席). */
const PERSON_END = /(?:代表|委员|主席|同志|先生|女士)$/;
/** A name of two to four characters that shares the ending of the last of its run (邓乃扬 of 邓乃扬、韩汝琦委员). */
const NAME = /^[\u4e00-\u9fa5]{2,4}$/;
/** At most this long: a list of bodies (the provinces of a national notice come to about 150 characters). */
const MAX_LIST = 200;

/**
 * Whether `t` (without its colon) is a list of recipients: bodies or persons, each ending like one (各 before
 * it allowed), where a name may share the ending of the last of its run (沈阳、北京、兰州、济南、南京、广州军区;
 * 邓乃扬、韩汝琦委员). Nothing of a sentence in it.
 */
export function isRecipientList(t: string): boolean {
  if (t.length > MAX_LIST || /[。；：:！？!?“”《》\s]/.test(t)) return false;
  const ends = (p: string) => p.length >= 2 && p.length <= 40 && (ORG_SUFFIX.test(p) || RECIPIENT_END.test(p) || PERSON_END.test(p));
  return t.split(/[，,]/).every((run) => {
    const parts = run.split('、');
    return ends(parts[parts.length - 1]) && parts.every((p) => ends(p) || NAME.test(p));
  });
}

/** A paragraph that is addressees alone (湖北省人民政府：). */
export function isAddresseeLine(t: string): boolean {
  const list = t.replace(/[：:]$/, '');
  return list !== t && isRecipientList(list);
}

/**
 * Addressees run into the body's first sentence (湖北省人民政府：你省《关于…》收悉。), split at their colon; null
 * where the paragraph does not open so, or nothing follows the colon.
 */
export function leadingAddressees(t: string): { addressees: string; rest: string } | null {
  const m = /^([^：:]+[：:])\s*(.+)$/s.exec(t);
  return m && isRecipientList(m[1].slice(0, -1)) ? { addressees: m[1], rest: m[2] } : null;
}
