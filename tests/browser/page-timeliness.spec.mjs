// The summary never contradicts itself: a date found but no report year is "cannot judge",
// not "no publication date found" above the date (issue 11).
import { test, expect } from '@playwright/test';
import { openPage, pasteText, coreResult } from './helpers.mjs';

const NO_YEAR = '关于法治政府建设工作情况的报告\n发布时间：2022-03-01\n一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足和原因\n执法力量不足。\n';
const NO_DATE = '某县2022年法治政府建设工作报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n';

test('timeliness: a date without a report year is not called missing', async ({ page }) => {
  await openPage(page);
  await pasteText(page, NO_YEAR);
  const summary = page.locator('.timeliness');
  await expect(summary).toHaveText('无法判断时效(未确定报告年度)');
  await expect(page.locator('dl.facts')).toContainText('2022-03-01');

  await pasteText(page, NO_DATE);
  await expect(summary).toHaveText('未找到发布日期');
});

// The page says 发布时间 2022-01-10, more than a day before the report was signed (2022-03-01):
// the core trusts neither (published null) and lists both.
const DISAGREE = '某县2021年法治政府建设工作情况报告\n发布时间:2022-01-10\n一、主要举措\n全年受理行政复议案件12件。\n二、存在的问题\n人员不足。\n三、下一步工作安排\n加强培训。\n\n某县人民政府\n2022年3月1日\n';

test('timeliness: dates that disagree are listed, each a link to where it stands, and not called missing', async ({ page }) => {
  await openPage(page);
  await pasteText(page, DISAGREE);
  const result = await coreResult(page, DISAGREE);
  expect(result.meta.published).toBeNull();
  expect(result.meta.dateCandidates.map((c) => c.date)).toEqual(['2022-01-10', '2022-03-01']);
  await expect(page.locator('.timeliness')).toHaveText('无法判断时效(页面上的日期相互矛盾)');
  const dates = page.locator('dl.facts .date-candidates button');
  await expect(dates).toHaveText(['2022-01-10(发布时间)', '2022-03-01(落款)']);
  await dates.nth(1).click();
  const c = result.meta.dateCandidates[1];
  await expect(page.locator('body')).toHaveAttribute('data-passage', `${c.start}-${c.end}`);
  expect(await page.evaluate(() => [...CSS.highlights.get('fz-source')][0].toString())).toBe(DISAGREE.slice(c.start, c.end));
});
