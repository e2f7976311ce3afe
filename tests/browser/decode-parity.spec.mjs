// The page's decoders (www/import-file.js) and the core's (src/decode.rs, used by the CLI) give the
// same text on the shared import fixtures: both are checked against tests/browser/fixtures/expected
// (the Rust side in tests/decode.rs).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture } from './helpers.mjs';

const CASES = [
  ['excerpt.txt', 'UTF-8'],
  ['report-gbk.txt', 'GB18030'],
  ['report-utf16.txt', 'UTF-16LE'],
  ['report.docx', 'docx'],
  ['report.html', 'html, UTF-8'],
];

test('import-file.js decodes every shared fixture to the text the Rust decoder gives', async ({ page }) => {
  await page.goto('/');
  for (const [name, encoding] of CASES) {
    const b64 = readFileSync(fixture(name)).toString('base64');
    const got = await page.evaluate(async ([name, b64]) => {
      const { readFileText } = await import('/import-file.js');
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return readFileText(new File([bytes], name));
    }, [name, b64]);
    expect(got.encoding, name).toBe(encoding);
    expect(got.text, name).toBe(readFileSync(fixture(`expected/${name}.txt`), 'utf8'));
  }
});
