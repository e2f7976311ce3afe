//! Which quantities state a fact. Each rule below names a kind of number that looks like a
//! quantity but is not a figure a reader would count; a quantity is kept when no rule
//! rejects it. Rules read the normalised text around the quantity.
//!
//! Some non-metrics need no rule because they carry no unit and so never become a
//! quantity: document numbers (`〔2019〕23号`, the mangled `〔201923号`), index numbers
//! (`510626-2022-009854`), phones (`0716-5227196`), `ICP备11002588号-1`, hotlines (`12345`
//! — while `建立12345支…队伍` is a real count of 支), day names (`“5.12”防灾减灾日`),
//! clock times (`16:52`), dotted dates (`2024.3`, `2024-12-23`), `PM2.5`, placeholders
//! (`XX件`, `*次`, `x名`) and heading markers (`一、`, `1.`, `(1)`, `一是`). The tests
//! prove each of them anyway.

use std::sync::LazyLock;

use regex::Regex;

use crate::outline::Outline;
use crate::quantity::Quantity;
use crate::result::MetricKind;
use crate::text::{Span, Text};
use crate::vocab::{unit_blocked, PLAN_WORDS, SET_PHRASES};

/// Spans of the body that protect what they hold: names, short quotations, set phrases,
/// heading markers. Each list is sorted by start.
pub struct Context<'t> {
    s: &'t str,
    names: Vec<Span>,
    quotes: Vec<Span>,
    phrases: Vec<Span>,
    markers: Vec<Span>,
}

/// A quotation this short (in characters, without the marks) is a slogan or a day name:
/// `“一件事”`, `“5.12”`, `“两个100%”`.
const SHORT_QUOTE: usize = 10;

static PHRASES: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = SET_PHRASES.to_vec();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Regex::new(&phrases.iter().map(|p| regex::escape(p)).collect::<Vec<_>>().join("|")).expect("phrases")
});

impl<'t> Context<'t> {
    pub fn new(text: &'t Text, body: Span, outline: &Outline) -> Context<'t> {
        let s = text.norm();
        let b = &s[body.range()];
        let mut names = Vec::new();
        let mut quotes = Vec::new();
        let mut open_name: Vec<usize> = Vec::new();
        let mut open_quote: Option<(usize, usize)> = None; // (byte, chars inside so far)
        for (i, c) in b.char_indices() {
            let at = body.start + i;
            match c {
                '\n' => {
                    open_name.clear();
                    open_quote = None;
                }
                '《' => open_name.push(at),
                '》' => {
                    if let Some(start) = open_name.pop() {
                        names.push(Span::new(start, at + c.len_utf8()));
                    }
                }
                '“' => open_quote = Some((at, 0)),
                '”' => {
                    if let Some((start, n)) = open_quote.take() {
                        if n <= SHORT_QUOTE {
                            quotes.push(Span::new(start, at + c.len_utf8()));
                        }
                    }
                }
                _ => {
                    if let Some((_, n)) = open_quote.as_mut() {
                        *n += 1;
                    }
                }
            }
        }
        names.sort();
        let phrases = PHRASES.find_iter(b).map(|m| Span::from(m).offset(body.start)).collect();
        let mut markers: Vec<Span> = outline.headings.iter().map(|h| h.marker).collect();
        markers.sort();
        Context { s, names, quotes, phrases, markers }
    }

    /// The text before `pos`, at most `n` characters.
    fn before(&self, pos: usize, n: usize) -> &'t str {
        let head = &self.s[..pos];
        let start = head.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
        &head[start..]
    }

    /// The text after `pos`, at most `n` characters.
    fn after(&self, pos: usize, n: usize) -> &'t str {
        let tail = &self.s[pos..];
        let end = tail.char_indices().nth(n).map_or(tail.len(), |(i, _)| i);
        &tail[..end]
    }
}

/// Whether any span of a sorted list overlaps `span`.
fn overlaps(list: &[Span], span: Span) -> bool {
    let i = list.partition_point(|p| p.end <= span.start);
    list[i..].iter().take_while(|p| p.start < span.end).any(|p| p.overlaps(span))
}

/// Whether a span of a sorted, possibly nested list contains `span`.
fn inside(list: &[Span], span: Span) -> bool {
    let i = list.partition_point(|p| p.start <= span.start);
    list[..i].iter().rev().take(8).any(|p| p.contains(span))
}

/// The quantities that state facts, in text order.
pub fn keep(ctx: &Context, quantities: Vec<Quantity>) -> Vec<Quantity> {
    let mut slogan_pairs = vec![false; quantities.len()];
    // `3个100%`, `两个100%`: a count of 个 glued to a full percentage is a slogan; both go.
    for i in 1..quantities.len() {
        let (a, b) = (&quantities[i - 1], &quantities[i]);
        if a.unit == "个" && a.span.end == b.span.start && b.kind == MetricKind::Percent && b.value == 100.0 {
            slogan_pairs[i - 1] = true;
            slogan_pairs[i] = true;
        }
    }
    quantities
        .into_iter()
        .zip(slogan_pairs)
        .filter(|(q, slogan)| !slogan && reject(ctx, q).is_none())
        .map(|(q, _)| q)
        .collect()
}

/// Why a quantity is not a metric, or `None` when it is one.
pub fn reject(ctx: &Context, q: &Quantity) -> Option<&'static str> {
    let s = ctx.s;
    let number_text = &s[q.number.range()];
    let pre = &s[q.span.start..q.number.start];
    let before = ctx.before(q.span.start, 6);
    let before_number = ctx.before(q.number.start, 6);
    let after = ctx.after(q.span.end, 6);
    let prev_char = before.chars().next_back();

    // Codes, identifiers and formulas: a number glued to Latin letters, digits or code
    // punctuation (`PM2.5`, `ICP备…`, `7×24小时`, `*次`), or written with a leading zero (`0716`).
    if prev_char.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '_' | '#' | '×' | '*' | '-' | '+' | '=')) {
        return Some("code");
    }
    if number_text.len() > 1 && number_text.starts_with('0') && !number_text.starts_with("0.") {
        return Some("code");
    }
    if after.starts_with(['-', '/', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Some("code");
    }
    // Document numbers: `〔2019〕…`, `[2019]`.
    if prev_char.is_some_and(|c| matches!(c, '〔' | '〕' | '[' | ']' | '【' | '】')) {
        return Some("document number");
    }
    // Years, in digits or 〇-numerals, alone or as a range: `2022年`, `2022年度`, `2021—2025年`, `二〇一九年`.
    if q.unit == "年" && is_year(number_text, q.value) {
        return Some("year");
    }
    // A time frame, not a length: `近3年`, `最近三年`, `过去五年`, `未来5年`.
    if q.kind == MetricKind::Duration
        && (pre == "近" || ["最近", "过去", "未来", "今后", "近", "这"].iter().any(|w| before_number.ends_with(w)))
        && !after.starts_with(['内', '以'])
    {
        return Some("time frame");
    }
    // Dates: `9月14日`, `每月1至15日`, `23日`. 日 is a length only when the text says so
    // (`3日内`, `为期5日`, `压缩至15日`).
    if q.unit == "日" && (before_number.ends_with('月') || !day_is_duration(before_number, after, q.value)) {
        return Some("date");
    }
    // Ordinals and ranks: `第八次`, `第二批`, `第10名`, `十七届三次`, `前10名`.
    if before_number.ends_with(['第', '届']) || (matches!(q.unit.as_str(), "名" | "位") && before_number.ends_with(['前', '后'])) {
        return Some("ordinal");
    }
    // Names of laws, plans and documents: anything inside 《》.
    if inside(&ctx.names, q.span) {
        return Some("name");
    }
    // Slogans and day names in short quotations: `“一件事”`, `“5.12”`.
    if inside(&ctx.quotes, q.span) {
        return Some("quoted slogan");
    }
    // Set phrases from the table: 三重一大, 两个100%, 1+4+N, 24小时值班 …
    if overlaps(&ctx.phrases, q.span) {
        return Some("set phrase");
    }
    // Heading markers (`1.3个` at a heading start would read the marker as a number).
    if overlaps(&ctx.markers, q.number) {
        return Some("heading marker");
    }
    // The unit starts another word: `5部门`, `一次性`, `10周年`, `18周岁`, `3单位`.
    if unit_blocked(&s[q.unit_span.range()], after) && q.unit != "%" {
        return Some("unit starts a word");
    }
    // A duration that names a plan or campaign: `三年行动`, `五年规划`.
    let clause_after: &str = after.split(|c: char| "。,;:、()“”".contains(c)).next().unwrap_or("");
    if q.kind == MetricKind::Duration && PLAN_WORDS.iter().any(|w| clause_after.contains(w)) {
        return Some("plan name");
    }
    // `一期工程`, `二期项目`: a phase, not a count.
    if q.unit == "期" && (after.starts_with("工程") || after.starts_with("项目")) {
        return Some("phase");
    }
    if q.chinese && !q.range {
        let lead = number_text.chars().next();
        // Chinese numerals inside words: 统一, 唯一, 之一, 每一, 逐一, 这一, 又一 …
        if prev_char.is_some_and(|c| "第每之其统唯同单专逐初这那哪某另又周万任届划均".contains(c)) && pre.is_empty() {
            return Some("numeral inside a word");
        }
        // A lone 一 before a measure word is mostly the article "a" (`一批`, `一个平台`,
        // `一次办`, `成熟一批整合一批`): it counts only when it closes the phrase
        // (`救援队伍一支;`, `宣传片一期。`) and is not one of a repeated pair.
        if number_text == "一" && lead == Some('一') && q.kind != MetricKind::Count {
            return Some("indefinite 一");
        }
        if number_text == "一" && lead == Some('一') {
            let unit_written = &s[q.unit_span.range()];
            let closes = after.is_empty() || after.starts_with(['。', ',', ';', '、', ')', '\n', '!', ':', '”']);
            let pair = format!("一{unit_written}");
            let repeated = ctx.after(q.span.end, 8).contains(&pair) || ctx.before(q.span.start, 8).contains(&pair);
            if !closes || repeated {
                return Some("indefinite 一");
            }
        }
    }
    None
}

/// A four-digit plausible year (`vocab::dates::PLAUSIBLE_YEARS`), in digits or 〇-numerals, or a range of them.
fn is_year(number: &str, value: f64) -> bool {
    let first: String = number.chars().take_while(|c| !matches!(c, '至' | '到' | '~' | '-' | '—' | '–')).collect();
    let four_digits = first.len() == 4 && first.chars().all(|c| c.is_ascii_digit());
    let cn_digits = first.chars().count() == 4 && first.chars().all(|c| "〇零一二三四五六七八九".contains(c));
    (four_digits || cn_digits) && value.fract() == 0.0 && crate::vocab::dates::plausible_year(value as i32)
}

/// Whether `N日` is a length of time rather than a day of the month.
fn day_is_duration(before: &str, after: &str, value: f64) -> bool {
    value > 31.0
        || ["内", "以内", "之内", "办结", "完成", "内办结"].iter().any(|w| after.starts_with(w))
        || ["为期", "用时", "历时", "时限", "期限", "缩短至", "压缩至", "缩减至", "减至", "缩短为", "压缩为", "提前", "连续", "平均", "需"]
            .iter()
            .any(|w| before.ends_with(w))
}
