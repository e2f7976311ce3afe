// Issue 14 in the page: two rows of the register side by side (the core's compareReports), with
// its exports; a recycled-text finding marked in the reading view and linked to its source; a
// template paragraph shared by many reports listed folded.
import { test, expect } from '@playwright/test';
import { seed, SEED_003, parseCsv, readXlsx, downloadOf, audit } from './helpers.mjs';

const OLD = seed(SEED_003);
// The same report a year on, some figures edited (as an issuer's next report often is).
const EDITS = [['165名窗口工作人员', '172名窗口工作人员'], ['压减为28个常设窗口', '压减为25个常设窗口'], ['办结176923件', '办结178000件']];
const NEW = EDITS.reduce((t, [a, b]) => {
  if (!t.includes(a)) throw new Error(`seed text changed: ${a}`);
  return t.replace(a, b);
}, OLD);

const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

async function openBatch(page, files) {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.locator('#file-input').setInputFiles(files);
  await expect(page.locator('body')).toHaveAttribute('data-batch', 'done', { timeout: 60_000 });
  await expect(page.locator('[data-register-row]')).toHaveCount(files.length);
}

test('two register rows side by side: matched figures with both values, parts, density, findings; exports', async ({ page }) => {
  await openBatch(page, [file('公安县-2019.txt', OLD), file('公安县-2020.txt', NEW)]);
  const button = page.locator('#register-compare');
  await expect(button).toBeDisabled();
  // Chosen with the keyboard (Space on a row) and the mouse (its box).
  await page.locator('[data-file="公安县-2020.txt"]').focus();
  await page.keyboard.press('Space');
  await expect(button).toBeDisabled();
  await page.locator('[data-file="公安县-2019.txt"] input[data-select]').check();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.locator('body')).toHaveAttribute('data-view', 'compare');

  // What the core says, computed here independently of the page.
  const expected = await page.evaluate(async ([a, b]) => {
    const core = await import('/fazhi-analyzer.js');
    return core.compare({ file: '公安县-2019.txt', result: await core.analyze(a) }, { file: '公安县-2020.txt', result: await core.analyze(b) });
  }, [OLD, NEW]);
  const rows = page.locator('#compare-figures tbody tr');
  await expect(rows).toHaveCount(expected.figures.length);
  // Every edited figure: both values, the change and the relative change (older first, whatever the order chosen).
  for (const [a, b] of EDITS) {
    const oldText = /(\d+[名个件])/.exec(a)[1], newText = /(\d+[名个件])/.exec(b)[1];
    const row = rows.filter({ has: page.locator('td[data-col="oldText"]', { hasText: new RegExp(`^${oldText}$`) }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('td[data-col="newText"]')).toHaveText(newText);
    const o = parseInt(oldText, 10), n = parseInt(newText, 10);
    const change = n - o;
    await expect(row.locator('td[data-col="change"]')).toHaveText(`${change > 0 ? '+' : ''}${new Intl.NumberFormat('zh-CN').format(change)}`);
    await expect(row.locator('td[data-col="relativeChange"]')).toHaveText(`${change > 0 ? '+' : ''}${((change / o) * 100).toFixed(1)}%`);
    await expect(row.locator('td[data-col="change"]')).toHaveClass(change > 0 ? /up/ : /down/);
  }
  const changed = expected.figures.filter((f) => f.old && f.new && f.change !== 0).length;
  expect(changed).toBe(EDITS.length);
  await expect(page.locator('#compare-counts')).toContainText(`其中有变化 ${changed} 项`);
  // The four required parts, density and the findings of each side.
  await expect(page.locator('#compare-parts tbody tr')).toHaveCount(4);
  await expect(page.locator('#compare-summary')).toContainText(String(expected.old.figuresPer1000Chars));
  const oldFindings = await page.evaluate(async (t) => (await (await import('/fazhi-analyzer.js')).analyze(t)).findings.length, OLD);
  await expect(page.locator('.compare-findings [data-side="old"] li')).toHaveCount(oldFindings);

  // CSV (BOM, the figures table) and the workbook (four sheets, header frozen, numbers typed).
  const csv = await downloadOf(page, page.locator('[data-compare-export="csv"]'));
  expect(csv.name).toMatch(/\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const table = parseCsv(text.slice(1));
  expect(table[0]).toEqual(['指标', '单位', '领域', '旧报告原文', '旧值', '新报告原文', '新值', '变化', '变化率', '对照']);
  expect(table.length - 1).toBe(expected.figures.length);
  const edited = table.find((r) => r[3] === '165名');
  expect(edited.slice(4, 9)).toEqual(['165', '172名', '172', '7', '0.0424']);
  const xlsx = await downloadOf(page, page.locator('[data-compare-export="xlsx"]'));
  const { sheets, frozen } = readXlsx(new Uint8Array(xlsx.bytes));
  expect(Object.keys(sheets)).toEqual(['概况', '数字', '必备部分', '发现']);
  expect(Object.values(frozen).every(Boolean)).toBe(true);
  const numbers = sheets['数字'];
  const at = Object.entries(numbers).find(([, v]) => v === '165名')[0].replace(/^D/, '');
  expect([numbers[`E${at}`], numbers[`F${at}`], numbers[`G${at}`], numbers[`H${at}`]]).toEqual([165, '172名', 172, 7]);
  // Only what changed: the edited figures (and figures only in one report; none here).
  await page.locator('#compare-only-changed').check();
  await expect(page.locator('#compare-figures tbody tr:visible')).toHaveCount(EDITS.length);
  await page.locator('#compare-view').screenshot({ path: 'test-results/compare.png' });
  await audit(page, 'comparison');

  // Back to the register.
  await page.locator('#compare-back').click();
  await expect(page.locator('body')).toHaveAttribute('data-view', 'register');
});

test('a recycled passage is marked in the reading view and links to its source, which opens at the passage', async ({ page }) => {
  await openBatch(page, [file('公安县-2019.txt', OLD), file('公安县-2020.txt', NEW)]);
  // The later report carries the finding (batch order, same year): its row counts it.
  await page.locator('[data-file="公安县-2020.txt"] [data-open]').click();
  await expect(page.locator('#current-file')).toHaveText('公安县-2020.txt');
  const passages = page.locator('#reading .fz-finding[data-code="recycled-text"]');
  await expect(passages.first()).toBeVisible();
  const finding = await page.evaluate(() => document.querySelector('#reading .fz-finding[data-code="recycled-text"]').dataset.findingRef);
  await passages.first().click();
  const entry = page.locator(`#panel-findings [data-finding-id="${finding}"]`);
  await expect(entry).toHaveClass(/is-selected/);
  await expect(entry).toBeInViewport();
  const source = entry.locator('[data-open-source]');
  await expect(source).toHaveText('公安县-2019.txt');
  const [start, end] = await source.evaluate((b) => [Number(b.dataset.sourceStart), Number(b.dataset.sourceEnd)]);
  expect(end).toBeGreaterThan(start + 59);
  await source.click();
  await expect(page.locator('#current-file')).toHaveText('公安县-2019.txt');
  await expect(page.locator('body')).toHaveAttribute('data-passage', `${start}-${end}`);
  // The source's passage is highlighted (CSS Custom Highlight) and shown.
  const marked = await page.evaluate(() => {
    const r = [...CSS.highlights.get('fz-source')][0];
    const box = r.getBoundingClientRect();
    return { text: r.toString(), visible: box.top < innerHeight && box.bottom > 0 };
  });
  expect(marked.text).toBe(OLD.slice(start, end));
  expect(marked.visible).toBe(true);
  // The older report has no such finding: it is the source, not the copy.
  await expect(page.locator('#reading .fz-finding[data-code="recycled-text"]')).toHaveCount(0);
});

test('a template paragraph in five of seven reports is one finding with the other four reports, folded', async ({ page }) => {
  const template = '各部门要认真落实法治政府建设责任制,严格执行重大行政决策程序规定,全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度,持续深化法治宣传教育,不断提升依法行政能力和水平。';
  // Seven departments, each with its own words (digits alone would not tell texts apart: the
  // core ignores them), five of them with the same template paragraph.
  const own = [
    ['司法局', '推进公共法律服务体系建设,建成村居法律顾问全覆盖网络', '人民调解员队伍专业化程度不高', '深化律师调解试点'],
    ['市场监管局', '开展食品安全专项整治,查处无证经营和过期食品问题', '基层执法装备相对落后', '推进智慧监管平台建设'],
    ['生态环境局', '落实河长制巡河责任,整治入河排污口和畜禽养殖污染', '环境监测能力仍有短板', '完善生态补偿机制'],
    ['交通运输局', '治理超限超载运输,推行公路路政执法电子化记录', '农村公路管护力量薄弱', '推动运输市场信用监管'],
    ['教育局', '规范校外培训机构办学行为,完善学校安全管理责任', '依法治校示范校数量偏少', '加强教师法治培训'],
    ['卫生健康委', '推进医疗机构依法执业检查,规范医疗废物处置流程', '卫生监督人员配备不足', '推广智慧卫监应用'],
    ['应急管理局', '开展安全生产执法检查,督促企业落实主体责任制度', '执法人员专业背景单一', '健全执法检查计划管理'],
  ];
  const report = (k, withTemplate) => {
    const [dept, work, problem, plan] = own[k];
    return `${dept}2021年法治政府建设工作情况报告\n一、主要举措\n${work}。\n${withTemplate ? `${template}\n` : ''}二、存在的问题\n${problem}。\n三、下一步工作安排\n${plan}。\n`;
  };
  const files = Array.from({ length: 7 }, (_, k) => file(`dept-${k}.txt`, report(k, k < 5)));
  await openBatch(page, files);
  // The last of the five in batch order carries it; the others are its sources.
  await page.locator('[data-file="dept-4.txt"] [data-open]').click();
  await page.locator('#tab-findings').click();
  const entry = page.locator('#panel-findings [data-code="recycled-text"]');
  await expect(entry).toHaveCount(1);
  const fold = entry.locator('details.sources-fold');
  await expect(fold).toHaveCount(1);
  await expect(fold.locator('summary')).toContainText('5 份报告');
  await expect(fold.locator('[data-open-source]')).toHaveText(['dept-0.txt', 'dept-1.txt', 'dept-2.txt', 'dept-3.txt']);
  for (const k of [0, 1, 2, 3, 5, 6]) {
    await page.locator('#back-register').click();
    await page.locator(`[data-file="dept-${k}.txt"] [data-open]`).click();
    await expect(page.locator('#current-file')).toHaveText(`dept-${k}.txt`);
    await expect(page.locator('#reading .fz-finding[data-code="recycled-text"]')).toHaveCount(0);
  }
});

test('English mode (issue 13): the register and the comparison in English, the exports in Chinese, and back', async ({ page }) => {
  await openBatch(page, [file('公安县-2019.txt', OLD), file('公安县-2020.txt', NEW)]);
  const th = (table, key) => page.locator(`${table} th[data-col="${key}"]`);
  const row = page.locator('[data-file="公安县-2019.txt"]');
  await expect(th('#register-table', 'timeliness')).toHaveText('时效');
  await expect(row.locator('td[data-col="measures"]')).toHaveText('✓ 有');
  const timelinessZh = await row.locator('td[data-col="timeliness"]').textContent();
  const late = /^逾期 (\d+) 天$/.exec(timelinessZh);
  const timelinessEn = late ? `Late by ${late[1]} day${late[1] === '1' ? '' : 's'}` : { 按时: 'On time', 未知: 'Unknown', 不适用: 'n/a' }[timelinessZh];
  expect(timelinessEn).toBeTruthy();

  await page.locator('#lang-btn').click();
  await expect(th('#register-table', 'issuer')).toHaveText('Issuer');
  await expect(th('#register-table', 'timeliness')).toHaveText('Timeliness');
  // A required part: its short name, the catalogue's full name as the title.
  await expect(th('#register-table', 'measures')).toHaveText('Measures');
  await expect(th('#register-table', 'measures')).toHaveAttribute('title', 'Main measures and results in building law-based government');
  await expect(row.locator('td[data-col="measures"]')).toHaveText('✓ yes');
  await expect(row.locator('td[data-col="timeliness"]')).toHaveText(timelinessEn);
  await expect(page.locator('#chart-missing figcaption')).toHaveText('Missing required parts');
  await expect(page.locator('#chart-missing')).toContainText('Measures');
  await expect(page.locator('#register-view [data-only="late"] + span')).toHaveText('Late only');
  await expect(page.locator('#register-heading')).toHaveText('Register');
  // The table and its filters (the density chart's truncated file names are a known mismatch of
  // label and name, in either language).
  await audit(page, 'register in English', '#register-table');
  await audit(page, 'register filters in English', '.register-filters');
  // The register's CSV keeps the core's (the CLI's) Chinese headers.
  const registerCsv = parseCsv((await downloadOf(page, page.locator('[data-export="register"]'))).bytes.toString('utf8').slice(1));
  expect(registerCsv[0].slice(0, 3)).toEqual(['文件', '标题', '发文单位']);

  await row.locator('input[data-select]').check();
  await page.locator('[data-file="公安县-2020.txt"] input[data-select]').check();
  await page.locator('#register-compare').click();
  await expect(page.locator('body')).toHaveAttribute('data-view', 'compare');
  await expect(page.locator('#compare-heading')).toHaveText('Two reports compared');
  await expect(th('#compare-figures', 'indicator')).toHaveText('Indicator');
  await expect(th('#compare-figures', 'relativeChange')).toHaveText('Relative change');
  await expect(page.locator('#compare-parts td[data-col="part"]').first()).toHaveText('Main measures and results in building law-based government');
  await expect(page.locator('#compare-figures td[data-col="status"]', { hasText: 'Changed' })).toHaveCount(EDITS.length);
  await expect(page.locator('#compare-counts')).toContainText(`${EDITS.length} of them changed`);
  // Areas by the core's catalogue: 政务服务 (the edited window staff) is Government services.
  const staff = page.locator('#compare-figures tbody tr', { has: page.locator('td[data-col="oldText"]', { hasText: /^165名$/ }) });
  const area = await page.evaluate(async (t) => {
    const r = await (await import('/fazhi-analyzer.js')).analyze(t);
    return r.metrics.find((m) => m.text === '165名')?.category ?? null;
  }, OLD);
  const { CATALOGUE } = await import('../../www/catalogue.js');
  await expect(staff.locator('td[data-col="category"]')).toHaveText(area ? CATALOGUE.categories[area] : '—');
  await audit(page, 'comparison in English');
  // The comparison's CSV as before: Chinese headers.
  const csv = parseCsv((await downloadOf(page, page.locator('[data-compare-export="csv"]'))).bytes.toString('utf8').slice(1));
  expect(csv[0][0]).toBe('指标');

  // Back to Chinese, in the comparison and then the register.
  await page.locator('#lang-btn').click();
  await expect(page.locator('#compare-heading')).toHaveText('两份报告对比');
  await expect(th('#compare-figures', 'indicator')).toHaveText('指标');
  await expect(page.locator('#compare-figures td[data-col="status"]', { hasText: '有变化' })).toHaveCount(EDITS.length);
  await page.locator('#compare-back').click();
  await expect(th('#register-table', 'timeliness')).toHaveText('时效');
  await expect(row.locator('td[data-col="timeliness"]')).toHaveText(timelinessZh);
  await expect(row.locator('td[data-col="measures"]')).toHaveText('✓ 有');
});
