// Draws the add-in's icons (assets/icon-16.png … icon-80.png): a teal rounded square with a white tick,
// the mark of a checked assessment. No image tools and no network: shapes are measured per pixel with
// 4×4 supersampling and written by the small PNG encoder beside this file.
//   npx tsx scripts/icons/drawIcons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng, type Rgba } from './png';

export const ICON_SIZES = [16, 32, 64, 80] as const;

const TEAL = [0x0e, 0x7c, 0x66] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const TICK: [number, number][] = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.76, 0.33],
];

function insideRoundedSquare(x: number, y: number): boolean {
  const margin = 0.04;
  const radius = 0.2;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function onTick(x: number, y: number, size: number): boolean {
  const half = Math.max(0.065, 1.1 / size); // at least about a pixel wide at 16 px
  return distanceToSegment(x, y, TICK[0] as [number, number], TICK[1] as [number, number]) <= half ||
    distanceToSegment(x, y, TICK[1] as [number, number], TICK[2] as [number, number]) <= half;
}

export function drawIcon(size: number): Rgba {
  const data = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let tick = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!insideRoundedSquare(x, y)) continue;
          cover++;
          if (onTick(x, y, size)) tick++;
        }
      }
      const n = samples * samples;
      const at = (py * size + px) * 4;
      const mix = cover === 0 ? 0 : tick / cover;
      for (let c = 0; c < 3; c++) data[at + c] = Math.round((TEAL[c] as number) * (1 - mix) + (WHITE[c] as number) * mix);
      data[at + 3] = Math.round((255 * cover) / n);
    }
  }
  return { width: size, height: size, data };
}

function main(): void {
  const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    writeFileSync(file, encodePng(drawIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
