// Renders the platform's icons in public/ from its two SVG sources (icon.svg, logo.svg) with the
// same Chromium the browser tests use: the PNG sizes browsers and phones ask for, the logo the
// e-mails' header shows (PNG: most mail clients do not display SVG), and favicon.ico (one PNG
// inside an ICO container, which every browser reads). Run after changing a source:
//   node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const pub = path.join(process.cwd(), "public");
const svg = (name) => fs.readFileSync(path.join(pub, name), "utf8");

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  const shoot = async (source, width, height, out, scale = 1) => {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${source.replace("<svg ", `<svg width="${width}" height="${height}" `)}</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width, height } });
    await page.close();
    if (out) fs.writeFileSync(path.join(pub, out), png);
    return png;
  };
  const icon = svg("icon.svg");
  await shoot(icon, 180, 180, "apple-touch-icon.png");
  await shoot(icon, 192, 192, "icon-192.png");
  await shoot(icon, 512, 512, "icon-512.png");
  // 2× for sharp headers on retina screens; the e-mail shows it 40 px high.
  await shoot(svg("logo.svg"), 320, 64, "logo.png", 2);
  const png32 = await shoot(icon, 32, 32, null);
  // ICO: 6-byte header, one 16-byte directory entry, then the PNG itself.
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(32, 6); // width
  header.writeUInt8(32, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png32.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  fs.writeFileSync(path.join(pub, "favicon.ico"), Buffer.concat([header, png32]));
  console.log("public/: apple-touch-icon.png, icon-192.png, icon-512.png, logo.png, favicon.ico");
} finally {
  await browser.close();
}
