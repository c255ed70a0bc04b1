/** Draws the add-in icons (assets/icon-16/32/64/80.png): a blue tile with three bars and a check. */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function icon(size: number): Buffer {
  const S = 4; // supersampling
  return png(size, (px, py) => {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const x = (px + (sx + 0.5) / S) / size;
        const y = (py + (sy + 0.5) / S) / size;
        const c = shade(x, y);
        acc = acc.map((v, i) => v + c[i]);
      }
    return acc.map((v) => Math.round(v / (S * S))) as RGBA;
  });
}

/** The design in unit coordinates. */
function shade(x: number, y: number): RGBA {
  const r = 0.18;
  const dx = Math.max(0, Math.abs(x - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(y - 0.5) - (0.5 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const bars = [
    [0.2, 0.55],
    [0.4, 0.4],
    [0.6, 0.25],
  ];
  for (const [bx, top] of bars) if (x >= bx && x <= bx + 0.13 && y >= top && y <= 0.8) return [255, 255, 255, 255];
  // check mark: two thick segments
  const seg = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  if (Math.min(seg(0.56, 0.6, 0.68, 0.72), seg(0.68, 0.72, 0.86, 0.42)) < 0.055) return [240, 228, 66, 255];
  return [0, 114, 178, 255];
}

const dir = path.resolve(__dirname, "../../assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
console.log("assets/icon-{16,32,64,80}.png");
