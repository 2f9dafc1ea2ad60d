/** Chinese numerals as used in structural labels: 一 … 九十九, 一百二十三, 〇/零. */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else {
      total += (digit === 0 ? 1 : digit) * UNITS[ch]; // a bare 十 means 一十
      digit = 0;
    }
  }
  return total + digit;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return CN[h] + '百';
  return CN[h] + '百' + (rest < 10 ? '零' + CN[rest] : rest < 20 ? '一' + toChineseNumber(rest) : toChineseNumber(rest));
}
