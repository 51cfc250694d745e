/**
 * Renders resources/icons/icon.svg to the PNG sizes the installers need, and packs them into
 * icon.ico (Windows) and icon.icns (macOS), so electron-builder uses them as they are and does not
 * need to download its icon-conversion tool. Run after changing the SVG, and commit the output:
 *
 *   npx tsx scripts/icons/render-icons.ts
 *
 * Uses Chromium through Playwright (CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own browser).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../src/preview/chromium';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;
type Size = (typeof ICON_SIZES)[number];

/** ICO with PNG-compressed images (Windows Vista and later); 256 is written as 0 in the directory. */
export function packIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const entries = images.filter(({ size }) => size <= 256);
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, at);
    header.writeUInt8(size === 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(({ png }) => png)]);
}

/** ICNS element types that hold PNG data, by pixel size (the @2x types reuse the larger images). */
const icnsTypes: ReadonlyArray<[string, Size]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
];

export function packIcns(images: ReadonlyMap<number, Buffer>): Buffer {
  const chunks = icnsTypes.flatMap(([type, size]) => {
    const png = images.get(size);
    if (!png) return [];
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return [head, png];
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

export async function renderIcons(folder: string): Promise<Map<number, Buffer>> {
  const svg = readFileSync(join(folder, 'icon.svg'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const images = new Map<number, Buffer>();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: Math.max(size, 64), height: Math.max(size, 64) });
      const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img id="icon" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.locator('#icon').screenshot({ omitBackground: true });
      writeFileSync(join(folder, `${size}x${size}.png`), png);
      images.set(size, png);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(folder, 'icon.ico'), packIco(ICON_SIZES.filter((size) => size <= 256).map((size) => ({ size, png: images.get(size)! }))));
  writeFileSync(join(folder, 'icon.icns'), packIcns(images));
  return images;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('render-icons.ts')) {
  const folder = resolve(import.meta.dirname, '../../resources/icons');
  const images = await renderIcons(folder);
  for (const [size, png] of images) console.log(`${String(size).padStart(4)} px  ${png.length} bytes`);
  console.log(`wrote ${images.size} PNGs, icon.ico and icon.icns to ${folder}`);
}
