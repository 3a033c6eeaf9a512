#!/usr/bin/env node
// Contact sheets of the screenshot set (`npm run screenshots`), for looking through all of it: one picture per page
// and role with its four shots side by side (desktop zh-CN, desktop English, phone zh-CN, phone English), at half
// size and cut at a height. Good for layout, overflow, empty or faded pages; open the shot itself to read text.
//
//   node tools/screenshots/contact-sheets.mjs [--in test-output/screenshots] [--out test-output/contact-sheets]
//
// Writes <out>/<role>-<page>.png and prints their names.
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
};
const input = resolve(option('in', 'test-output/screenshots'));
const out = resolve(option('out', 'test-output/contact-sheets'));
mkdirSync(out, { recursive: true });

/** The four shots of a page, in the sheet's order (the set names them `<page>-<size>-<lang>.png`). */
const VARIANTS = ['desktop-zh-CN', 'desktop-en', 'phone-zh-CN', 'phone-en'];
/** Half of the shot's width; a column is cut at this height (the top of a long page is what a reader sees first). */
const WIDTH = { desktop: 720, phone: 195 };
const MAX_HEIGHT = 1400;

// The sheet is opened from a file, so that it may show the local shots.
const html = join(out, 'sheet.html');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 2 * WIDTH.desktop + 2 * WIDTH.phone + 40, height: 400 } });
for (const role of readdirSync(input).filter((name) => !name.includes('.'))) {
  const files = readdirSync(join(input, role));
  const names = [...new Set(files.map((file) => file.replace(/-(desktop|phone)-(zh-CN|en)\.png$/, '')))].sort();
  for (const name of names) {
    const cells = VARIANTS.map((variant) => {
      const file = join(input, role, `${name}-${variant}.png`);
      const width = WIDTH[variant.split('-')[0]];
      return existsSync(file)
        ? `<div style="width:${width}px;max-height:${MAX_HEIGHT}px;overflow:hidden;outline:1px solid #999">
             <img src="${pathToFileURL(file)}" style="width:${width}px;display:block"></div>`
        : `<div style="width:${width}px;color:#c00">missing ${variant}</div>`;
    });
    writeFileSync(
      html,
      `<body style="margin:0;font:14px sans-serif"><div style="padding:4px">${role} · ${name}</div>
       <div style="display:flex;gap:8px;align-items:flex-start;padding:0 4px 4px">${cells.join('')}</div></body>`,
    );
    await page.goto(pathToFileURL(html).href);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    const file = join(out, `${role}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
}
await browser.close();
rmSync(html, { force: true });
