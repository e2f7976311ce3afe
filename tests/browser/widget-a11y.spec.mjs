// The widget's accessibility (issue 7): axe-core WCAG 2 A/AA, colour contrast included, over the
// demo host page's two differently themed widgets, in every view and both languages.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, audit as auditPage, SLOW } from './helpers.mjs';

const audit = (page, label) => auditPage(page, label, 'fazhi-analyzer');

test('no WCAG A/AA violations inside the widgets, in every view and both languages', SLOW, async ({ page }) => {
  await page.goto('/embed.html');
  const full = page.locator('#full');
  const compact = page.locator('#compact');
  await expect(compact.locator('[data-stat="metrics"] .stat-value')).not.toHaveText('0');
  await audit(page, 'empty');
  await full.evaluate((el, t) => el.analyze(t), seed(SEED_003));
  await expect(full.locator('mark[data-metric-id]').first()).toBeVisible();
  await audit(page, 'full');
  for (const view of ['outline', 'metrics', 'compact']) {
    await page.evaluate((v) => { for (const el of document.querySelectorAll('fazhi-analyzer')) el.view = v; }, view);
    await audit(page, view);
  }
  await page.evaluate(() => { for (const el of document.querySelectorAll('fazhi-analyzer')) { el.view = 'full'; el.lang = 'en'; } });
  await audit(page, 'english');
});
