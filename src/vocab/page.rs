//! Page chrome and self-description: what a government web page wraps around a report
//! (menus, metadata labels, footers) and the words a report uses about itself (title,
//! recipient, closing, issuer, reporting period).

use std::sync::LazyLock;

use crate::re::Regex;

use crate::result::Period;
use crate::vocab::markers;

/// Whole tokens of a site menu line (`登录 注册 无障碍阅读`). A line made only of these
/// (and separators) is a menu.
pub const MENU_WORDS: &[&str] = &[
    "登录", "注册", "无障碍阅读", "无障碍", "首页", "网站首页", "设为首页", "加入收藏", "收藏本站",
    "繁体", "简体", "繁體", "简体版", "繁体版", "长者模式", "关怀版", "适老化", "English", "EN", "搜索",
    "移动版", "手机版", "智能问答", "个人中心", "退出", "上一页", "下一页", "尾页", "末页", "返回顶部",
    "大", "中", "小", "字号", "分享", "微信", "微博", "打印", "关闭", "【打印】", "【关闭】",
    "【大】", "【中】", "【小】", "上一篇", "下一篇", "|", "•", "·", ">", "»",
];

/// A menu line may start with one of these and carry anything after (`今天是:2024年…`,
/// `当前位置:首页 > 政务公开`).
pub const MENU_PREFIXES: &[&str] = &[
    "今天是", "今日是", "当前位置", "您当前的位置", "您当前位置", "您的位置", "您现在的位置", "现在的位置",
    "当前所在位置", "所在位置", "位置:", "首页>", "首页 >", "首页»", "分享到", "上一篇", "下一篇", "上一条", "下一条",
    "【字体", "[字体", "字体:", "字号:", "【打印", "[打印", "【关闭", "[关闭",
];

/// Labels of a page's metadata block (`索引号:` …). Spaces inside a label are allowed
/// in the text (`索  引  号`).
pub const META_LABELS: &[&str] = &[
    "索引号", "发文单位", "发文机关", "发布机构", "发文日期", "成文日期", "发布日期", "发布时间", "生成日期",
    "效力状态", "有效性", "时效性", "主题分类", "体裁分类", "组配分类", "服务对象分类", "发文字号", "文号",
    "信息来源", "文章来源", "来源", "浏览次数", "阅读次数", "点击数", "访问量", "浏览量", "字体大小", "字号",
    "公开形式", "公开方式", "公开范围", "公开时限", "公开日期", "所属机构", "所属主题", "信息分类",
    "主题词", "关键词", "关键字", "标题", "名称", "作者", "撰稿", "分类",
    // Dates under other labels (`更新时间:2022/03/25 09:12:40`, `日期:2021年06月15日`, `时间:2019-04-08`).
    "更新时间", "更新日期", "成文时间", "发文时间", "印发日期", "日期", "时间",
    "公开时间", "发表时间", "发稿时间", "录入时间", "上传时间", "创建时间",
];

/// Metadata fields that give the publication date, best first.
pub const DATE_FIELDS: &[&str] = &[
    "发布时间", "发布日期", "公开日期", "公开时间", "发表时间", "发稿时间", "发文日期", "发文时间", "成文日期", "成文时间",
    "印发日期", "生成日期", "日期", "时间",
    // A site's own timestamp: only when nothing else dates the page.
    "更新时间", "更新日期", "录入时间", "上传时间", "创建时间",
];

/// Brackets a site may put around each metadata field (`【发布时间:…】【字体:大 中 小】`).
pub const FIELD_BRACKETS: &[char] = &['【', '】', '[', ']'];

/// A clock time after a date (`09:12:40`, `10:15`).
pub static CLOCK_TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?").unwrap());

/// Metadata fields that are a site's own timestamp, not the report's publication.
pub const SITE_DATE_FIELDS: &[&str] = &["更新时间", "更新日期", "录入时间", "上传时间", "创建时间"];

/// A news dateline: `新华社北京3月30日电`, `本报3月30日讯` (month and day; no year).
pub static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let ends: String = DATELINE_ENDS.iter().collect();
    Regex::new(&format!(r"([0-9]{{1,2}})[ \t]*月[ \t]*([0-9]{{1,2}})[ \t]*日[ \t]*[{ends}]")).unwrap()
});
/// The characters a [`DATELINE`] ends with (a text without any holds none).
pub const DATELINE_ENDS: &[char] = &['电', '讯'];
/// How far into the body a dateline is looked for (bytes).
pub const DATELINE_HEAD_BYTES: usize = 300;

/// Words in a heading that looks forward: `2022年工作计划` is written in the report on 2021.
pub const PLAN_HEADING_WORDS: &[&str] = &["计划", "打算", "安排", "思路", "工作要点", "重点工作", "工作重点", "展望"];

/// Words in a heading that looks back on the year it names (`一、2021年主要工作情况`).
pub const REVIEW_HEADING_WORDS: &[&str] = &["情况", "主要工作", "工作开展", "举措", "成效", "做法", "工作回顾", "取得"];

/// Words that make a text evidently about 法治政府建设 (for the year read from its signature date).
pub const ANNUAL_REPORT_WORDS: &[&str] = &["法治政府建设"];

/// Metadata fields that name the issuer, best first.
pub const ISSUER_FIELDS: &[&str] = &["发文单位", "发文机关", "发布机构", "信息来源", "文章来源", "来源", "所属机构"];

/// Metadata fields that give the document's title.
pub const TITLE_FIELDS: &[&str] = &["标题", "名称"];

/// Footer tokens: a short line containing one is page chrome.
pub const FOOTER_TOKENS: &[&str] = &[
    "ICP备", "ICP证", "公网安备", "网站标识码", "网站地图", "版权所有", "Copyright", "copyright", "©",
    "技术支持", "联系我们", "关闭窗口", "打印本页", "打印此页", "【打印】", "【关闭】", "打印|关闭",
    "打印 关闭", "扫一扫", "用手机扫描", "网站纠错", "我要纠错", "政府网站找错", "分辨率",
];

/// Rare characters of the footer tokens: a token is compared only where the first of its
/// characters among these stands (every token holds one; a test holds the table to that), so a
/// short line is walked for these alone, not for the tokens' common first characters (公 网 关 用).
pub const FOOTER_TOKEN_ANCHORS: &[char] = &['I', 'y', '©', '备', '码', '图', '版', '技', '们', '闭', '页', '【', '扫', '错', '辨'];

/// Footer labels: a line starting with one of these followed by `:` is page chrome.
pub const FOOTER_LABELS: &[&str] = &[
    "主办单位", "承办单位", "协办单位", "主办", "承办", "协办", "维护", "地址", "通讯地址", "邮箱", "电子邮箱",
    "E-mail", "Email", "电话", "联系电话", "网站编辑部电话", "传真", "邮编", "邮政编码", "相关附件",
    "附件下载", "责任编辑", "编辑", "审核", "校对", "初审", "终审", "网站标识码",
];

/// What a report's title names (`…法治政府建设工作报告`, `…工作开展情况`).
pub const TITLE_WORDS: &[&str] = &["报告", "情况", "总结", "汇报", "自查", "述职"];

/// How an issuing body's name ends (signature lines, recipients).
pub const ORG_SUFFIXES: &[&str] = &[
    "人民政府办公室", "人民政府", "政府办公室", "办公室", "办公厅", "委员会", "管理局", "局", "厅", "委", "政府",
    "办", "院", "中心", "部", "所", "司", "处", "科", "队", "站", "街道", "镇", "乡", "党组", "党委",
];

/// Closing formulas (`特此报告。`).
pub const CLOSINGS: &[&str] = &["特此报告", "特此汇报", "专此报告", "以上报告", "特此说明"];

/// Period words, looked up in the title and the opening sentence; the first hit wins.
pub const PERIOD_WORDS: &[(&str, Period)] = &[
    ("中期评估", Period::MidTerm),
    ("中期报告", Period::MidTerm),
    ("上半年", Period::HalfYear),
    ("下半年", Period::HalfYear),
    ("半年", Period::HalfYear),
    ("第一季度", Period::Quarter),
    ("第二季度", Period::Quarter),
    ("第三季度", Period::Quarter),
    ("第四季度", Period::Quarter),
    ("一季度", Period::Quarter),
    ("二季度", Period::Quarter),
    ("三季度", Period::Quarter),
    ("四季度", Period::Quarter),
];

/// Every [`PERIOD_WORDS`] word holds one of these: a text without any names no period.
pub const PERIOD_CUES: &[char] = &['半', '季', '期'];

/// Characters that open a list line on a web page (stripped before a line is classified).
pub const BULLETS: &[char] = &['•', '·', '▪', '●', '◆', '■', '*', '>', '»', '◇', '○', '-'];

/// A short line holding both is a page's 打印 | 关闭 footer.
pub const PRINT_AND_CLOSE: [&str; 2] = ["打印", "关闭"];

/// What separates the tokens of a menu line, and what brackets a token (`【打印】`).
pub const MENU_SEPARATORS: &[char] = &['|', '•', '·', '>', '»', '/'];
pub const MENU_TOKEN_BRACKETS: &[char] = &['[', ']', '【', '】', '<', '>', '«', '»'];

/// Besides `ORG_SUFFIXES`, how the one addressed may end (`…领导小组:`, `同志们:`).
pub const RECIPIENT_SUFFIXES: &[&str] = &["领导小组", "同志们", "同志"];
/// Joins several recipients (`区委、区政府:`).
pub const RECIPIENT_JOINER: &str = "、";
/// Characters a recipient's name never holds.
pub const NOT_IN_RECIPIENT: &str = r"\t\n\x0B\x0C\r ,。:;!?“”《》()";

/// A title line never ends with these.
pub const NOT_TITLE_ENDINGS: &[char] = &['。', ':', ';', ','];
/// A line ending with this is a paragraph, not a title or a field value.
pub const PARAGRAPH_END: char = '。';
/// The ends of the last sentence; what follows is the signature.
pub const LAST_SENTENCE_ENDS: &[char] = &['。', '!', '?'];
/// A closing formula may take one of these after it (`特此报告。`).
pub const CLOSING_STOPS: &[char] = &['。', '.', '!'];
/// A signature's issuer line holds none of these.
pub const NOT_IN_ISSUER: &[char] = &['。', ',', ';', ':', '!', '?'];
/// A line ending a page's head or tail holds none of these (a site's date of today does not).
pub const SENTENCE_PUNCTUATION: &[char] = &[',', '。', ';'];

/// The opening sentence ends at `…如下` (`现将有关情况报告如下`).
pub const OPENING_END: &str = "如下";

/// A page number: `- 2 -`, `第 2 页`, `共 5 页`, `2/5`.
pub static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—–]+[ \t]*[0-9]{1,3}[ \t]*[-—–]+|第[ \t]*[0-9]{1,4}[ \t]*页.*|共[ \t]*[0-9]{1,4}[ \t]*页.*|[0-9]{1,3}[ \t]*/[ \t]*[0-9]{1,3})$").unwrap()
});

/// Whether a whole line is a [`PAGE_NUMBER`]. Every page number starts with a dash, `第`, `共` or
/// a digit; a line that starts otherwise (nearly every line) is not searched, nor one whose
/// `第`/`共` no digit follows (`第一条`) or whose digits no `/` (`1.加强…`, `2023年`).
pub fn is_page_number(line: &str) -> bool {
    let blank = |c: char| c == ' ' || c == '\t';
    let may = match line.chars().next() {
        Some('-' | '—' | '–') => true,
        Some('第' | '共') => line[3..].trim_start_matches(blank).starts_with(|c: char| c.is_ascii_digit()),
        Some('0'..='9') => line.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(blank).starts_with('/'),
        _ => false,
    };
    may && PAGE_NUMBER.is_match(line)
}

/// A site header's date of today: `2024年1月5日 星期五`.
pub static TODAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日[ \t]*(?:星期|周)[一二三四五六日天]").unwrap());
/// The weekday words of [`TODAY`]: a line without one is not searched (most short lines).
pub const TODAY_WEEKDAY: [&str; 2] = ["星期", "周"];

/// The year a report's opening sentence names, best first: `现将…2022年…情况报告如下`
/// (the year stands later in the announcing sentence), `现将2022年`, a paragraph opening
/// `2022年`, `2022年度`, `2022年以来` / `上半年` / `全年` / `2022年,`.
pub static OPENING_YEARS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"现将[^。;\n]{0,40}?([0-9]{4})[ \t]*年度?[^。;\n0-9]{0,40}?(?:情况|工作)[^。;\n0-9]{0,12}?(?:报告|汇报|总结)[^。;\n]{0,6}如下",
        r"现将[ \t]*([0-9]{4})[ \t]*年",
        r"^[ \t]*([0-9]{4})[ \t]*年",
        r"([0-9]{4})[ \t]*年度",
        r"([0-9]{4})[ \t]*年(?:以来|上半年|下半年|全年|,|来)",
    ]
    .iter()
    .map(|p| Regex::new(p).unwrap())
    .collect()
});

/// A heading line that names a year: `一、2021年主要工作情况`, `三、2022年工作计划`; the
/// second group is the rest of its title.
/// The character `HEADING_YEAR` holds after its year.
pub const YEAR_CHAR: &str = "年";

pub static HEADING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^{}[ \t]*([0-9]{{4}})[ \t]*{YEAR_CHAR}度?([^\n。,;:0-9]{{2,24}})$", markers::structural_pattern())).unwrap()
});

/// The year a title names: `2022年`, `2021-2022`, `2021至2022`.
pub static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]{4})[ \t]*(?:年|-|—|~|至)").unwrap());

/// A span of years in a title (`2021-2023年`): a multi-year report.
pub static MULTI_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}[ \t]*年?[ \t]*[-—–~至到][ \t]*[0-9]{4}[ \t]*年").unwrap());

/// A title with this, or an opening with [`OPENING_YEAR_WORD`], reports on a whole year.
pub const TITLE_YEAR_WORD: &str = "年度";
pub const OPENING_YEAR_WORD: &str = "年度报告";

#[cfg(test)]
mod period_tests {
    #[test]
    fn every_period_word_holds_a_cue() {
        for (word, _) in super::PERIOD_WORDS {
            assert!(word.contains(super::PERIOD_CUES), "{word}");
        }
    }
}

#[cfg(test)]
mod page_number_tests {
    proptest::proptest! {
        /// The first-character test drops no page number: it agrees with the pattern alone.
        #[test]
        fn the_quick_test_agrees_with_the_pattern(
            line in crate::scan::oracle::texts(vec!["-", "—", "–", "第", "共", "页", "1", "23", "456", " ", "\t", "/", "a", "中", "(", "一"], 12),
        ) {
            proptest::prop_assert_eq!(super::is_page_number(&line), super::PAGE_NUMBER.is_match(&line), "{:?}", line);
        }
    }

    #[test]
    fn page_numbers_and_lines_that_are_not() {
        for (line, want) in [("- 2 -", true), ("—3—", true), ("第 2 页", true), ("共5页", true), ("2/5", true), ("12 / 30", true), ("第二页", false), ("一、总体情况", false), ("2023年", false), ("", false)] {
            assert_eq!(super::is_page_number(line), want, "{line:?}");
        }
    }
}
