/**
 * Text from outside (raw file names, above all) made safe to print on a
 * terminal: control characters (ESC sequences, newlines, carriage returns,
 * C1 controls such as CSI) and bidirectional overrides are shown as \xNN /
 * \u{…} escapes, so a file named "a\x1b[2J.txt" or "a\nwarning: ok" prints
 * as its name instead of clearing the screen or faking a line.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
