//! Text that is not the report's, pasted along with it (issue 11): a document site's
//! watermark and URL injected mid-text (`范文网每日更新 www.example.com`), pinyin annotations
//! after characters (`監督(dū)`); and the invisible characters of issue 15 (bidi controls,
//! zero-width format characters).

/// Phrases of document sites' watermarks: they never belong in a government report.
pub const WATERMARKS: &[&str] = &[
    "范文网", "范文大全", "范文之家", "第一范文", "免费范文", "公文网", "文秘网", "文档网", "每日更新",
    "转载请注明", "转载请保留", "本文来源于", "本文来自", "原文地址", "原文链接", "更多范文", "更多精彩内容",
    "免费下载", "下载文档", "手机版阅读", "扫码阅读", "本文由用户上传", "侵删",
    // Document-sharing sites' own lines.
    "精品文档", "百度文库", "豆丁网", "道客巴巴", "原创力文档", "下载后可编辑", "本文档由", "如有侵权", "侵权请联系",
];

/// The watermarks' anchors, rarest in reports first: each watermark is looked for only where its
/// anchor stands (the first of these it holds; every watermark holds one), so the text is not
/// searched for all of them (the characters of the folding walk's notes: `crate::Text::new`).
pub const WATERMARK_ANCHORS: &[char] = &[
    '秘', '费', '彩', '删', '侵', '豆', '巴', '载', '址', '链', '阅', '库', '之', '档', '每', '源', '来', '由', '第', '文',
];

/// A URL as pasted text carries it (after folding: full-width letters read as ASCII): the
/// grammar of `artifacts`' URL scanner, which reads it by hand (kept for its tests' oracle).
#[cfg(test)]
pub const URL_PATTERN: &str = r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9][A-Za-z0-9.\-_/%?=&#:~+]*|[Ww]{3}\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9.\-_/%?=&#:~+]*";

/// Words just before a URL that make it the report's own (`登录www.gov.cn查询`, `网址:`):
/// a URL after one of them is cited, not injected.
pub const URL_CUES: &[&str] = &[
    "网址", "网站", "官网", "网页", "主页", "门户", "登录", "登陆", "访问", "浏览", "链接", "点击", "平台", "邮箱",
    "域名", "地址", "网", "关注", "搜索", "见", "详见", "来源", "参见", "参考", "请到", "通过", "在",
];

/// Characters a URL stands between when it was injected into a sentence: Chinese words or
/// the sentence's own commas (`受理案件15件,范文网每日更新 www.x.com 办结14件`).
pub const JOINING_PUNCTUATION: &[char] = &[',', '、', ';'];

/// Vowels with a tone mark: a parenthesis of Latin letters holding one is pinyin.
pub const TONE_VOWELS: &[char] = &[
    'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ',
    'ǜ',
];

/// A parenthesised pinyin annotation right after a character: `(dū)`, `(jiān dū)`. The
/// grammar of `artifacts`' pinyin scanner (kept for its tests' oracle).
#[cfg(test)]
pub const PINYIN_PATTERN: &str = r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6} ?){1,4}\)";

/// Letters of a pinyin annotation: a–z, ü and the [`TONE_VOWELS`].
pub fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || c == 'ü' || TONE_VOWELS.contains(&c)
}

/// A pinyin annotation's size: syllables of at most this many letters …
pub const PINYIN_SYLLABLE_LETTERS: usize = 6;
/// … and at most this many syllables (`(jiān dū)` has two).
pub const PINYIN_SYLLABLES: usize = 4;

/// Characters of a URL after its host besides ASCII letters and digits (a host takes `-` and `.`).
pub const URL_PUNCTUATION: &[u8] = b".-_/%?=&#:~+";

/// Bidirectional controls: they reorder what is displayed (`12件` shown as `件21`).
pub const BIDI_CONTROLS: &[char] = &[
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
    '\u{2068}', '\u{2069}',
];

/// Invisible format characters: zero-width spaces and joiners, word joiner, a BOM inside the
/// text, soft hyphen, invisible operators. A BOM as the very first character is the file's mark.
pub const INVISIBLE: &[char] = &[
    '\u{00AD}', '\u{180E}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{2061}', '\u{2062}', '\u{2063}', '\u{2064}',
    '\u{FEFF}',
];
