/**
 * Draws build/icon.png (512×512 RGBA): a white document with a red 红头
 * (the red masthead and rule of an official document) and grey text lines on a
 * dark-blue rounded square. Pure Node (zlib), anti-aliased by 4×4 supersampling.
 * electron-builder derives the Windows .ico, macOS .icns and Linux icons from it.
 *
 * Usage: npx tsx build/make-icon.ts [out.png]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
type RGBA = [number, number, number, number];

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(px: number, py: number, x: number, y: number, w: number, h: number, r: number): number {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const qx = Math.abs(px - cx) - (w / 2 - r);
  const qy = Math.abs(py - cy) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

const inside = (d: number) => d <= 0;

/** Five-pointed star centred on the red rule. */
const STAR: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 20 : 8;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [254 + r * Math.cos(a), 183 + r * Math.sin(a)];
});

function inPolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Colour of one sample point, painted back to front. */
function sample(x: number, y: number): RGBA {
  let c: RGBA = [0, 0, 0, 0];
  const over = (top: RGBA) => {
    c = top;
  };
  // Background: dark blue rounded square with a subtle vertical gradient.
  if (inside(roundedRect(x, y, 16, 16, 480, 480, 96))) {
    const t = (y - 16) / 480;
    over([Math.round(28 + 14 * t), Math.round(58 + 10 * t), Math.round(102 - 12 * t), 255]);
  }
  // Page shadow and page.
  if (inside(roundedRect(x, y, 124, 84, 276, 364, 18))) over([c[0] * 0.6, c[1] * 0.6, c[2] * 0.6, 255].map(Math.round) as RGBA);
  if (inside(roundedRect(x, y, 116, 72, 276, 364, 18))) over([255, 255, 255, 255]);
  // Red masthead (红头) and the red rule under it.
  if (inside(roundedRect(x, y, 156, 112, 196, 44, 8))) over([200, 16, 46, 255]);
  if (inside(roundedRect(x, y, 148, 178, 212, 8, 4))) over([200, 16, 46, 255]);
  // A small five-pointed red star at the centre of the rule.
  if (inPolygon(x, y, STAR)) over([200, 16, 46, 255]);
  // Text lines.
  const lines: [number, number][] = [
    [214, 212],
    [238, 212],
    [262, 212],
    [286, 212],
    [310, 150],
    [350, 212],
    [374, 120],
  ];
  for (const [ly, w] of lines) if (inside(roundedRect(x, y, 148, ly, w, 10, 5))) over([150, 160, 175, 255]);
  return c;
}

export function renderIcon(): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  const n = 4;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const s = sample(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          r += s[0] * s[3];
          g += s[1] * s[3];
          b += s[2] * s[3];
          a += s[3];
        }
      }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(SIZE, SIZE, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png'));
  fs.writeFileSync(out, renderIcon());
  console.log(`wrote ${out}`);
}
