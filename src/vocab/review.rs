//! What the review rules read: words a sentence cannot end on, nouns that need a measure
//! word after a number, template placeholders, and the words that name the required parts
//! when a heading does not use the 督察工作规定's own wording.

/// Sentence-final punctuation: a paragraph ending on one of these is complete.
pub const SENTENCE_END: &[char] = &['。', '!', '?', ';', '…', '”', '’', ')', '》', '」', '』', '.', '"', '\''];

/// Words a sentence cannot end on: a paragraph ending on one of them (without 。) was cut off.
/// Only words that never close a clause; single characters like 在/与/及 are left out because
/// they end ordinary words (存在, 参与, 普及), and so are 通过/作为/依据/结合 (审核通过, 不作为,
/// 提供依据, 相结合).
pub const DANGLING_ENDINGS: &[&str] = &[
    "进行", "予以", "给予", "加以", "针对", "对于", "关于", "按照", "依照", "以及", "包括", "例如",
    "比如", "由于", "为了", "并且", "或者", "而且", "以便", "从而", "进而", "导致", "使得", "围绕",
];

/// Before 进行 these make it a complete clause (工作正在进行).
pub const COMPLETE_BEFORE_JINXING: &[&str] = &["正在", "有序", "顺利", "同步", "逐步", "继续", "仍在", "正常", "照常", "陆续", "分别", "统一"];

/// Punctuation a cut-off paragraph ends on: a clause or list that goes on.
pub const DANGLING_PUNCT: &[char] = &[',', '、', '“', '《', '(', '‘', '〔', '【'];

/// Words of a clause that introduces a list: `主要表现在以下几个方面,` then `一是…` uses the
/// comma as a colon, and is not cut off.
pub const LIST_INTRO: &[&str] = &["如下", "以下", "表现在", "体现在", "主要有", "包括", "方面", "具体", "主要是"];

/// Nouns that take a measure word after a number in a report (`6件规范性文件`), with the
/// measure word to suggest. `备案6规范性文件` lost it in copying.
pub const COUNTED_NOUNS: &[(&str, &str)] = &[
    ("规范性文件", "件"), ("律师事务所", "家"), ("事务所", "家"), ("文件", "份"), ("案件", "件"),
    ("案卷", "卷"), ("企业", "家"), ("单位", "个"), ("律师", "名"), ("人员", "名"), ("干部", "名"),
    ("群众", "名"), ("事项", "项"), ("合同", "份"), ("协议", "份"), ("宣传资料", "份"),
    ("资料", "份"), ("讲座", "场"), ("会议", "次"), ("纠纷", "件"), ("问题", "个"), ("意见", "条"),
    ("建议", "条"), ("提案", "件"), ("制度", "项"), ("项目", "个"), ("部门", "个"), ("乡镇", "个"),
    ("社区", "个"), ("窗口", "个"), ("工作人员", "名"), ("执法人员", "名"), ("调解员", "名"),
];

/// Words right before a bare number (no unit, followed by punctuation) that make it legitimate:
/// ordinals, ranks, scores, codes, ratios (`第3,` `前10,` `得分92,` `减少为28;`).
pub const BARE_NUMBER_OK_AFTER: &[char] = &[
    '第', '前', '后', '为', '是', '达', '到', '至', '于', '约', '近', '超', '分', '值', '号', '图', '表', '页',
    '版', '级', '期', '届', '码', '率', '比', '数', '共', '计', '件', '附', '款', '条', '章', '节', '册', '卷', '编',
    '型', '度', '线', '机', '话', '序', '等', '元', '和', '或', '及', '与',
];

/// What may follow a four-digit year written without 年 and still be right (2019届, 2024版).
pub const AFTER_BARE_YEAR_OK: &[char] = &[
    '年', '届', '版', '级', '度', '号', '月', '日', '余', '多', '万', '亿', '千', '百', '至', '到', '—', '-', '~',
];

/// Characters that often follow a number directly and are not a lost measure word, besides
/// the units of `vocab::units::UNITS` (which are read first): multipliers, approximations,
/// time words, ranges (3至5天) and measure words outside the unit table (3星, 4级).
pub const AFTER_NUMBER_OK: &[char] = &[
    '月', '时', '分', '号', '岁', '届', '级', '星', '层', '楼', '路', '成', '余', '多', '万', '亿', '千', '百', '十',
    '至', '到', '或', '和', '与', '及', '比', '对', '后', '强', '佳', '大', '斤', '小', '公', '平', '立', '瓦', '度',
    '班', '段', '点', '车', '床', '课', '学', '节', '章', '款', '页', '版', '票', '包', '箱', '盒', '袋', '瓶', '匹',
    '片', '根', '首', '集', '季', '旬', '载',
];



/// Qualifiers that make a rate count a subset of its numerator's events (按时办结率 is on-time
/// completions over completions, not completions over cases): when the rate says one and the
/// numerator does not, the pairing is not trusted.
pub const RATE_QUALIFIERS: &[&str] = &[
    "按时", "按期", "及时", "限时", "准时", "提前", "超期", "逾期", "一次性", "一次", "网上", "网办", "线上",
    "全程", "即办", "当场", "现场", "满意", "好评", "合格", "优秀", "首次", "自愿", "主动", "实质",
];

// Measure-word lists live with the units (`vocab::units`), one home for every measure word.
pub use super::units::PLACEHOLDER_UNITS;

// ---- Copying damage (`review::copying`) ----

/// A character of Chinese words as the copying rules read them: ideographs (with the
/// compatibility block) and 〇, which stands in years (二〇二二).
pub fn is_word_char(c: char) -> bool {
    super::chars::is_han(c) || matches!(c, '\u{F900}'..='\u{FAFF}' | '〇')
}

/// The centuries a year of a date or document number starts with (`19xx`, `20xx`).
pub const YEAR_CENTURIES: &[&str] = &["19", "20"];
/// The character after a month's number.
pub const MONTH_MARK: char = '月';
/// Brackets a document number's year stands in: `〔2019〕23号` (and `[`, `【`, `(`).
pub const DOCUMENT_NUMBER_OPENERS: &[char] = &['〔', '[', '【', '('];
/// Last characters of an issuer's abbreviation before a document number's year (`公政办发2019`).
pub const DOCUMENT_NUMBER_ISSUER_ENDS: &[char] = &['发', '字', '函', '编'];
/// The character a document number ends with (`23号`).
pub const DOCUMENT_NUMBER_END: char = '号';

// The shapes above as the regular expressions they once were (the oracles of `review::copying`'s tests).
/// A year glued to its month: `20198月` (2019年8月).
#[cfg(test)]
pub const YEAR_MONTH_PATTERN: &str = r"((?:19|20)[0-9]{2})(1[0-2]|0?[1-9])月";
/// A document number in brackets that lost its closing 〕: `〔201923号`.
#[cfg(test)]
pub const BRACKETED_DOCUMENT_NUMBER_PATTERN: &str = r"[〔\[【(]((?:19|20)[0-9]{2})([0-9]{1,4})号";
/// A document number that lost both brackets after its issuer's abbreviation: `公政办发201923`.
#[cfg(test)]
pub const BARE_DOCUMENT_NUMBER_PATTERN: &str = r"(?:发|字|函|编)((?:19|20)[0-9]{2})([0-9]{1,4})(号)?";
/// Between two dates of one range: `20151月至201812月` is one finding.
pub const RANGE_JOINERS: &[&str] = &["至", "到", "-", "—", "~", "－"];

/// `2019年8月`, the correction of `20198月`.
pub fn with_year_month(year: &str, month: &str) -> String {
    format!("{year}年{month}月")
}

/// `2019年县政府`, the correction of a year that lost its 年.
pub fn year_before(year: &str, rest: &str) -> String {
    format!("{year}年{rest}")
}

/// `公编〔2019〕23号`, the correction of a document number that lost its brackets.
pub fn document_number(issuer: &str, year: &str, number: &str) -> String {
    format!("{issuer}〔{year}〕{number}号")
}

/// Marks that come in pairs, (opening, closing), in the order of `review::copying::Mark`:
/// quotation marks, title marks, parentheses, tortoise-shell and lenticular brackets.
pub const PAIRED_MARKS: [(char, char); 5] = [('“', '”'), ('《', '》'), ('(', ')'), ('〔', '〕'), ('【', '】')];
/// What closes a quotation: ” and ASCII " — and ’’ written for ”.
pub const QUOTE_CLOSERS: &[char] = &['”', '"', '’'];
/// A lone ’ closes a single quotation mark; two stand for ”.
pub const RIGHT_SINGLE_QUOTE: char = '’';

/// Before a number: an ordinal (第3), not a count.
pub const ORDINAL_PREFIX: char = '第';
/// Before a bare year: it opens a clause (`。2019县政府`).
pub const CLAUSE_STARTS_AFTER: &[char] = &['。', ';', '!', '?', ',', ':'];
/// A number glued to one of these lost its measure word (`共减少14二是`).
pub const GLUED_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// `二是` after a glued number: the next sentence's list marker, its full stop lost too.
pub const LIST_MARKER_END: char = '是';
/// After a bare count these end its clause (`予以废止17;`).
pub const CLAUSE_ENDS_AFTER_COUNT: &[char] = &[',', ';', '。'];

// ---- Cut-off paragraphs (`review::truncation`) ----

/// Where a sentence ends inside a paragraph.
pub const SENTENCE_BREAKS: &[char] = &['。', '!', '?', ';'];
/// Where a clause begins: the evidence of a cut-off paragraph is its last clause.
pub const CLAUSE_BREAKS: &[char] = &[',', '、', ':', '。', ';', '!', '?'];
/// The dangling ending that a preceding adverb can complete (`正在进行`, [`COMPLETE_BEFORE_JINXING`]).
pub const JINXING: &str = "进行";

// ---- Placeholders (`review::placeholder`) ----

/// Runs that are placeholders whatever follows: two or more characters of one of these sets
/// (XX, x×, ○○, □□) …
pub const PLACEHOLDER_RUN_SETS: &[&[char]] = &[&['X', 'x', '×'], &['○', '□']];
/// … and these brackets with nothing but blanks inside (【】, 〔 〕).
pub const PLACEHOLDER_EMPTY_BRACKETS: &[(char, char)] = &[('【', '】'), ('〔', '〕')];
/// A mark standing for a missing figure before one of `vocab::units::PLACEHOLDER_UNITS` (X件, *次).
pub const PLACEHOLDER_MARKS: &[char] = &['X', 'x', '×', '*'];
/// The runs as the regular expression they once were (the oracle of `review::placeholder`'s tests).
#[cfg(test)]
pub const PLACEHOLDER_RUNS_PATTERN: &str = r"[Xx×]{2,}|[○□]{2,}|【[ \t\n\x0B\x0C\r]*】|〔[ \t\n\x0B\x0C\r]*〕";
