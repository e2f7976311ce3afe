#!/usr/bin/env node
// The register (汇总) screenshot for the README: the five seeds and the browser fixtures opened at
// once (docs/screenshots/register.png). Needs www/pkg. Run: node scripts/screenshot-register.mjs
import { chromium } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { serve } from './serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const server = await serve({ root: `${root}www`, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
const seeds = readdirSync(`${root}tests/fixtures`).filter((f) => f.endsWith('.txt')).map((f) => `${root}tests/fixtures/${f}`);
const more = ['report-gbk.txt', 'report.docx', 'batch-junk.bin', 'batch-empty.txt'].map((f) => `${root}tests/browser/fixtures/${f}`);
await page.locator('#file-input').setInputFiles([...seeds, ...more]);
await page.waitForSelector('body[data-batch=done]');
await page.waitForTimeout(300);
const path = `${root}docs/screenshots/register.png`;
await page.screenshot({ path });
console.log(`register.png ${(statSync(path).size / 1024) | 0} KiB`);
await browser.close();
server.close();
