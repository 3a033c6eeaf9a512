#!/usr/bin/env node
// Screenshots of pages as a user sees them, at desktop (1440×900) and phone (390×844) width, in zh-CN and
// English, against a running app (npm start). For looking at what you built before you stop.
//
//   node tools/screenshots/shoot.mjs --base http://127.0.0.1:3000 --as admin --out test-output/screenshots/review \
//        /users /change-history "/customers/<id>?tab=history"
//
// Each page gives <out>/<name>.<lang>.<desktop|phone>.png, and the console line says whether the page scrolls
// sideways (wider than the viewport), which a phone layout must not.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const base = option('base', 'http://127.0.0.1:3000');
const username = option('as', 'admin');
const password = option('password', 'demo12345');
const out = option('out', 'test-output/screenshots/review');
const pages = args;
if (!pages.length) {
  console.error('usage: shoot.mjs [--base URL] [--as USER] [--out DIR] PATH [PATH …]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const login = await (
  await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
).json();
if (!login.accessToken) throw new Error(`login as ${username} failed: ${JSON.stringify(login)}`);
const session = { accessToken: login.accessToken, user: login.user, expiresAt: Date.now() + 3_600_000 };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [lang, locale] of [['zh-CN', 'zh-CN'], ['en', 'en-US']]) {
    for (const [size, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
      await context.addInitScript(
        ([s, l]) => {
          localStorage.setItem('crm.session', s);
          localStorage.setItem('crm.language', l);
        },
        [JSON.stringify(session), lang],
      );
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(`${base}${path}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        const name = path.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '') || 'home';
        const file = join(out, `${name}.${lang}.${size}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        console.log(`${file}${width > viewport.width ? `  (scrolls sideways: ${width}px wide)` : ''}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
