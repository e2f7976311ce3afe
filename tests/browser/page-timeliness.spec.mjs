// The summary never contradicts itself: a date found but no report year is "cannot judge",
// not "no publication date found" above the date (issue 11).
import { test, expect } from '@playwright/test';
import { openPage, pasteText } from './helpers.mjs';

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
