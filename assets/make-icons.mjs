// Draws Boundary's toolbar icon (a ring with a gap: a boundary with a door in it) at each size
// the manifest wants, as PNGs in public/icon/. Drawn procedurally so it stays crisp at 16 px.
// Run: node assets/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const GREEN = [47, 93, 80];
const CREAM = [251, 250, 248];
/** Coverage of a pixel by the shape, from 4×4 samples (simple anti-aliasing). */
function draw(size) {
  const inside = (u, v) => {
    const dx = u - 0.5;
    const dy = v - 0.5;
    const r = Math.hypot(dx, dy);
    const tile = Math.max(Math.abs(dx), Math.abs(dy)) <= 0.5; // the square tile
    const ring = r >= 0.25 && r <= 0.38 && !(dy > 0 && Math.abs(dx) < 0.09); // ring with a gap at the bottom
    const dot = r <= 0.1;
    return tile ? (ring || dot ? 'mark' : 'tile') : 'none';
  };
  return png(size, (x, y) => {
    let tile = 0;
    let mark = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const hit = inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        if (hit === 'mark') mark++;
        else if (hit === 'tile') tile++;
      }
    const cover = (tile + mark) / 16;
    const m = mark / Math.max(1, tile + mark);
    const rgb = GREEN.map((g, k) => Math.round(g * (1 - m) + CREAM[k] * m));
    return [...rgb, Math.round(cover * 255)];
  });
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, draw(size));
console.log('icons written to public/icon/');
