//! The message catalogue: every finding's message in Chinese and English, and the English
//! names of what the result carries in Chinese (categories, required parts, finding codes).
//!
//! A rule states what it found as a [`Message`] — which message, and its parameters. The
//! catalogue turns it into words: [`Message::zh`] (the result's `message`, the contract),
//! [`Message::en`] (`messageEn`), and [`Message::params`] (`params`, for a client that words
//! it in its own way). Templates name their parameters `{name}`; a test checks every
//! template of both languages uses exactly the parameters its message carries.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::result::{DocumentKind, ParamValue, Period, Role};
use crate::vocab::dates::Date;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// A parameter of a message. Most are text quoted from the report; some are worded per
/// language (a required part, a period, a date).
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Text(String),
    Int(i64),
    Part(Role),
    /// The report's period, `None` when it could not be read.
    Period(Option<Period>),
    Date(Date),
    /// Words quoted from the report, as a list (the missing numbers of a numbering gap):
    /// `“三是”、“四是”` in Chinese, `“三是”, “四是”` in English, an array in `params`.
    Quoted(Vec<String>),
}

impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(s)
    }
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Text(s.to_owned())
    }
}

impl From<usize> for Param {
    fn from(n: usize) -> Param {
        Param::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Param {
    fn from(n: i64) -> Param {
        Param::Int(n)
    }
}

impl From<i32> for Param {
    fn from(n: i32) -> Param {
        Param::Int(n.into())
    }
}

impl Param {
    fn show(&self, lang: Lang) -> Cow<'_, str> {
        match (self, lang) {
            (Param::Text(s), _) => Cow::Borrowed(s),
            (Param::Int(n), _) => Cow::Owned(n.to_string()),
            (Param::Part(role), _) => Cow::Borrowed(part_name(*role, lang)),
            (Param::Period(p), Lang::Zh) => Cow::Borrowed(match p {
                Some(Period::HalfYear) => "本文为半年报告",
                Some(Period::Quarter) => "本文为季度报告",
                Some(Period::MidTerm) => "本文为中期评估报告",
                Some(Period::MultiYear) => "本文为多年度报告",
                Some(Period::Year) | None => "本文未能确定为年度报告",
            }),
            (Param::Period(p), Lang::En) => Cow::Borrowed(match p {
                Some(Period::HalfYear) => "this is a half-year report",
                Some(Period::Quarter) => "this is a quarterly report",
                Some(Period::MidTerm) => "this is a mid-term review",
                Some(Period::MultiYear) => "this report covers several years",
                Some(Period::Year) | None => "this text could not be confirmed as an annual report",
            }),
            (Param::Date(d), Lang::Zh) => Cow::Owned(format!("{}年{}月{}日", d.year, d.month, d.day)),
            (Param::Date(d), Lang::En) => Cow::Owned(d.to_string()),
            (Param::Quoted(items), Lang::Zh) => Cow::Owned(quoted_list(items, LIST_SEPARATOR)),
            (Param::Quoted(items), Lang::En) => Cow::Owned(quoted_list(items, ", ")),
        }
    }

    /// The parameter as the result's `params` gives it: codes and ISO dates, not words.
    fn into_value(self) -> ParamValue {
        match self {
            Param::Text(s) => ParamValue::Text(s),
            Param::Int(n) => ParamValue::Number(n),
            Param::Part(role) => ParamValue::Text(role_key(role).to_owned()),
            Param::Period(p) => ParamValue::Text(p.map_or("unknown", period_key).to_owned()),
            Param::Date(d) => ParamValue::Text(d.to_string()),
            Param::Quoted(items) => ParamValue::List(items),
        }
    }
}

fn role_key(role: Role) -> &'static str {
    match role {
        Role::Measures => "measures",
        Role::Duty => "duty",
        Role::Problems => "problems",
        Role::Plans => "plans",
    }
}

fn period_key(period: Period) -> &'static str {
    match period {
        Period::Year => "year",
        Period::HalfYear => "half-year",
        Period::Quarter => "quarter",
        Period::MidTerm => "mid-term",
        Period::MultiYear => "multi-year",
    }
}

/// What a finding says: one variant per message, with its parameters. Text parameters are
/// quoted from the report (as the rules read it) or built from it.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    // section-missing
    SectionMissingAnnual { part: Role },
    SectionMissingOther { part: Role, period: Option<Period> },
    // causes-missing
    CausesMissing,
    // late-publication
    LatePublication { year: i32, deadline: Date, published: Date, days: i64 },
    // numbering-gap, numbering-duplicate
    NumberingGapAcrossParts { last: String, here: String, missing: Vec<String> },
    NumberingGapAtStart { here: String, first: String },
    NumberingGap { previous: String, here: String, missing: Vec<String> },
    NumberingDuplicateTypo { here: String, meant: String },
    NumberingDuplicate { here: String },
    NumberingBackwards { here: String, previous: String },
    // rate-mismatch, sum-mismatch, respectively-mismatch
    RateMismatch { name: String, stated: String, numerator: String, denominator: String, computed: String, unit: String },
    SumExceeds { total: String, parts: String, sum: String, excess: String },
    SumExceedsMany { total: String, count: usize, sum: String, excess: String },
    SumDiffers { total: String, parts: String, sum: String, difference: String },
    SumDiffersMany { total: String, count: usize, sum: String, difference: String },
    RespectivelyMismatch { items: usize, values: usize },
    // inconsistent-figure
    InconsistentFigure { indicator: String, first: String, second: String },
    // suspected-missing-char
    MissingCharsShouldRead { found: String, fixed: String },
    DateMissingChars { found: String, year: i32, month: u32, day: u32 },
    DateMissingMarks { found: String },
    DocumentNumberMissingChars { found: String, fixed: String },
    UnclosedQuote { quoted: String },
    UnclosedBookTitle { quoted: String },
    UnclosedBracket { open: String, quoted: String, close: String },
    UnopenedQuote { quoted: String },
    MissingMeasureWord { found: String, digits: String },
    MissingMeasureWordAndStop { found: String, digits: String },
    MissingMeasureWordLike { found: String, digits: String, example: String },
    // truncated-sentence
    TruncatedSentence { clause: String },
    // placeholder
    Placeholder { found: String },
    // unquantified-section
    UnquantifiedSection { title: String },
    // recycled-text
    RecycledFromOne { file: String, section: String, share: i64 },
    RecycledFromOneBody { file: String, share: i64 },
    RecycledTemplate { count: usize, files: String },
    RecycledTemplateMore { count: usize, files: String },
    // injected-text, pinyin-annotation, invisible-characters
    Watermark { found: String },
    InjectedUrl { found: String },
    Pinyin { word: String, found: String },
    BidiControls { count: usize, names: String },
    InvisibleFormat { count: usize, names: String },
    // truncated-sentence at the end of the text
    TextCutOff { clause: String },
    // any code, over the cap
    MoreOfTheSame { rest: usize, all: usize },
    // figures-omitted
    FiguresOmitted { listed: usize, rest: usize },
    // headings-omitted
    HeadingsOmitted { listed: usize, rest: usize },
}

impl Message {
    /// The message's templates: (Chinese, English).
    fn templates(&self) -> (&'static str, &'static str) {
        use Message::*;
        match self {
            SectionMissingAnnual { .. } => (
                "未找到“{part}”部分,年度报告必须包含这一部分,请补充。",
                "No part “{part}” was found; an annual report must include it. Please add it.",
            ),
            SectionMissingOther { .. } => (
                "未找到“{part}”部分;年度报告必须包含这一部分,{period},可酌情补充。",
                "No part “{part}” was found; an annual report must include it, but {period}: add it if appropriate.",
            ),
            CausesMissing => (
                "“存在的不足和原因”部分只列出了不足,未说明原因;年度报告应写明存在的不足及其原因,请补充原因分析。",
                "The part on shortcomings lists them but states no causes; an annual report must give both the shortcomings and their causes. Please add the causes.",
            ),
            LatePublication { .. } => (
                "{year}年度报告应于{deadline}前公开,本文发布日期为{published},晚了{days}天。",
                "The {year} annual report was due by {deadline}; this one was published on {published}, {days} days late.",
            ),
            NumberingGapAcrossParts { .. } => (
                "上一部分编号到“{last}”为止,这一部分从“{here}”开始,缺少{missing},请核对是否漏项或漏标编号。",
                "The previous part's numbering ends at “{last}” and this part starts at “{here}”; missing: {missing}. Check for a missing item or number.",
            ),
            NumberingGapAtStart { .. } => (
                "这一组编号从“{here}”开始,缺少“{first}”,请核对是否漏项或漏标编号。",
                "This list starts at “{here}”: “{first}” is missing. Check for a missing item or number.",
            ),
            NumberingGap { .. } => (
                "“{previous}”之后直接出现“{here}”,缺少{missing},请核对是否漏项或漏标编号。",
                "“{here}” follows “{previous}” directly; missing: {missing}. Check for a missing item or number.",
            ),
            NumberingDuplicateTypo { .. } => (
                "编号“{here}”重复出现,前一处“{here}”疑为“{meant}”之误,请核对编号。",
                "The number “{here}” appears twice; the first “{here}” is probably meant to be “{meant}”. Check the numbering.",
            ),
            NumberingDuplicate { .. } => (
                "编号“{here}”重复出现,请核对编号。",
                "The number “{here}” appears twice. Check the numbering.",
            ),
            NumberingBackwards { .. } => (
                "编号“{here}”出现在“{previous}”之后,与前面的编号重复,请核对编号。",
                "The number “{here}” comes after “{previous}” and repeats an earlier number. Check the numbering.",
            ),
            RateMismatch { .. } => (
                "{name}“{stated}”与所列数据不符:{numerator}÷{denominator}≈{computed}{unit},请核对。",
                "The rate {name}“{stated}” does not match the figures given: {numerator} ÷ {denominator} ≈ {computed}{unit}. Please check.",
            ),
            SumExceeds { .. } => (
                "分项之和超过总数“{total}”:{parts}={sum},多出{excess},请核对。",
                "The parts add up to more than the total “{total}”: {parts} = {sum}, {excess} too many. Please check.",
            ),
            SumExceedsMany { .. } => (
                "分项之和超过总数“{total}”:{count}项合计{sum},多出{excess},请核对。",
                "The parts add up to more than the total “{total}”: {count} parts make {sum}, {excess} too many. Please check.",
            ),
            SumDiffers { .. } => (
                "分项之和与总数“{total}”不符:{parts}={sum},相差{difference},请核对。",
                "The parts do not add up to the total “{total}”: {parts} = {sum}, a difference of {difference}. Please check.",
            ),
            SumDiffersMany { .. } => (
                "分项之和与总数“{total}”不符:{count}项合计{sum},相差{difference},请核对。",
                "The parts do not add up to the total “{total}”: {count} parts make {sum}, a difference of {difference}. Please check.",
            ),
            RespectivelyMismatch { .. } => (
                "“分别”前列出{items}项,后面却有{values}个数值,无法一一对应,请核对。",
                "{items} items are listed before “分别” (respectively) but {values} values follow: they cannot be paired. Please check.",
            ),
            InconsistentFigure { .. } => (
                "同一指标“{indicator}”前后数字不一致:先写 {first},后写 {second},请核对",
                "The same indicator “{indicator}” is stated differently: first {first}, later {second}. Please check.",
            ),
            MissingCharsShouldRead { .. } => (
                "“{found}”疑似漏字,应为“{fixed}”。",
                "“{found}” seems to have lost characters; it should read “{fixed}”.",
            ),
            DateMissingChars { .. } => (
                "日期“{found}”疑似漏字,应为“{year}年{month}月{day}日”。",
                "The date “{found}” seems to have lost characters; it should read “{year}年{month}月{day}日”.",
            ),
            DateMissingMarks { .. } => (
                "日期“{found}”疑似漏掉了“年”“月”“日”,请核对。",
                "The date “{found}” seems to have lost its “年”, “月” and “日”. Please check.",
            ),
            DocumentNumberMissingChars { .. } => (
                "文号“{found}”疑似漏字,应为“{fixed}”。",
                "The document number “{found}” seems to have lost characters; it should read “{fixed}”.",
            ),
            UnclosedQuote { .. } => (
                "“{quoted}”的前引号没有对应的后引号,疑似漏字,请核对。",
                "The opening quotation mark before “{quoted}” is never closed; characters may be missing. Please check.",
            ),
            UnclosedBookTitle { .. } => (
                "书名号“《{quoted}”没有对应的“》”,疑似漏字,请核对。",
                "The title mark “《{quoted}” has no closing “》”; characters may be missing. Please check.",
            ),
            UnclosedBracket { .. } => (
                "括号“{open}{quoted}”没有对应的“{close}”,疑似漏字,请核对。",
                "The bracket “{open}{quoted}” has no closing “{close}”; characters may be missing. Please check.",
            ),
            UnopenedQuote { .. } => (
                "“{quoted}”的后引号没有对应的前引号,疑似漏字,请核对。",
                "The closing quotation mark after “{quoted}” has no opening one; characters may be missing. Please check.",
            ),
            MissingMeasureWord { .. } => (
                "“{found}”疑似漏字:“{digits}”后缺少量词,请核对。",
                "“{found}” seems to have lost characters: no measure word after “{digits}”. Please check.",
            ),
            MissingMeasureWordAndStop { .. } => (
                "“{found}”疑似漏字:“{digits}”后缺少量词,与下一句之间也缺少句号,请核对。",
                "“{found}” seems to have lost characters: no measure word after “{digits}”, and no full stop before the next sentence. Please check.",
            ),
            MissingMeasureWordLike { .. } => (
                "“{found}”疑似漏字:“{digits}”后缺少量词(如“{example}”),请核对。",
                "“{found}” seems to have lost characters: no measure word after “{digits}” (such as “{example}”). Please check.",
            ),
            TruncatedSentence { .. } => (
                "段落在“{clause}”处中断,句子不完整,疑似内容缺失,请补全。",
                "The paragraph breaks off at “{clause}”: the sentence is incomplete and text seems to be missing. Please complete it.",
            ),
            Placeholder { .. } => (
                "“{found}”疑似未替换的模板占位符,请填写实际内容。",
                "“{found}” looks like a template placeholder left in. Please fill in the actual content.",
            ),
            UnquantifiedSection { .. } => (
                "“{title}”一节没有列出任何数据,建议补充可量化的举措和成效。",
                "The section “{title}” states no figures at all; consider adding measurable actions and results.",
            ),
            RecycledFromOne { .. } => (
                "此段与《{file}》基本相同,“{section}”部分约 {share}% 的内容与之重复,请核实是否沿用旧文",
                "This passage is essentially the same as in “{file}”; about {share}% of the part “{section}” repeats it. Check whether old text was reused.",
            ),
            RecycledFromOneBody { .. } => (
                "此段与《{file}》基本相同,正文约 {share}% 的内容与之重复,请核实是否沿用旧文",
                "This passage is essentially the same as in “{file}”; about {share}% of the body repeats it. Check whether old text was reused.",
            ),
            RecycledTemplate { .. } => (
                "此段与批次中另外 {count} 份报告基本相同(疑为模板):{files}",
                "This passage is essentially the same in {count} other reports of the batch (probably a template): {files}",
            ),
            RecycledTemplateMore { .. } => (
                "此段与批次中另外 {count} 份报告基本相同(疑为模板):{files}等 {count} 份",
                "This passage is essentially the same in {count} other reports of the batch (probably a template): {files} and others, {count} in all",
            ),
            Watermark { .. } => (
                "“{found}”是网站的水印或链接,不属于报告正文,请删除。",
                "“{found}” is a website's watermark or link, not part of the report. Please remove it.",
            ),
            InjectedUrl { .. } => (
                "句中夹有网址“{found}”,疑为复制网页时带入,不属于报告正文,请删除。",
                "The URL “{found}” stands in the middle of a sentence, probably copied along with a web page; it is not part of the report. Please remove it.",
            ),
            Pinyin { .. } => (
                "“{word}{found}”中的拼音注音“{found}”不属于报告正文,请删除。",
                "The pinyin annotation “{found}” after “{word}” is not part of the report. Please remove it.",
            ),
            BidiControls { .. } => (
                "此处有 {count} 个不可见的文字方向控制字符({names}),会使文字显示顺序颠倒,请删除。",
                "There are {count} invisible text-direction control characters here ({names}); they can display the text in reverse order. Please remove them.",
            ),
            InvisibleFormat { .. } => (
                "此处有 {count} 个不可见的格式字符({names}),请删除。",
                "There are {count} invisible format characters here ({names}). Please remove them.",
            ),
            TextCutOff { .. } => (
                "全文在“{clause}”处结束,最后一句不完整,疑似复制时被截断,请补全。",
                "The text ends at “{clause}” in the middle of a sentence: it seems to have been cut off when copied. Please complete it.",
            ),
            MoreOfTheSame { .. } => (
                "此处起还有 {rest} 处同类问题(共 {all} 处),未逐一列出,请通篇核对。",
                "From here on there are {rest} more findings of this kind ({all} in all), not listed one by one. Please check the whole text.",
            ),
            FiguresOmitted { .. } => (
                "本文数字远比一般报告密集,只列出前 {listed} 个数字;此处起还有 {rest} 个数字未列出,也未核对。",
                "The text is far denser in figures than any report: only the first {listed} figures are listed; from here on {rest} more are neither listed nor checked.",
            ),
            HeadingsOmitted { .. } => (
                "本文标题远比一般报告密集,只列出前 {listed} 个标题;此处起还有 {rest} 个标题未列出,编号和必备部分也未核对。",
                "The text is far denser in headings than any report: only the first {listed} headings are listed; from here on {rest} more are neither listed nor checked, nor are the numbering and the required parts.",
            ),
        }
    }

    /// The message's parameters, by name, in the order the rule states them.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        use Message::*;
        let text = |s: &String| Param::Text(s.clone());
        match self {
            SectionMissingAnnual { part } => vec![("part", Param::Part(*part))],
            SectionMissingOther { part, period } => vec![("part", Param::Part(*part)), ("period", Param::Period(*period))],
            CausesMissing => Vec::new(),
            LatePublication { year, deadline, published, days } => vec![
                ("year", (*year).into()),
                ("deadline", Param::Date(*deadline)),
                ("published", Param::Date(*published)),
                ("days", (*days).into()),
            ],
            NumberingGapAcrossParts { last, here, missing } => {
                vec![("last", text(last)), ("here", text(here)), ("missing", Param::Quoted(missing.clone()))]
            }
            NumberingGapAtStart { here, first } => vec![("here", text(here)), ("first", text(first))],
            NumberingGap { previous, here, missing } => {
                vec![("previous", text(previous)), ("here", text(here)), ("missing", Param::Quoted(missing.clone()))]
            }
            NumberingDuplicateTypo { here, meant } => vec![("here", text(here)), ("meant", text(meant))],
            NumberingDuplicate { here } => vec![("here", text(here))],
            NumberingBackwards { here, previous } => vec![("here", text(here)), ("previous", text(previous))],
            RateMismatch { name, stated, numerator, denominator, computed, unit } => vec![
                ("name", text(name)),
                ("stated", text(stated)),
                ("numerator", text(numerator)),
                ("denominator", text(denominator)),
                ("computed", text(computed)),
                ("unit", text(unit)),
            ],
            SumExceeds { total, parts, sum, excess } => {
                vec![("total", text(total)), ("parts", text(parts)), ("sum", text(sum)), ("excess", text(excess))]
            }
            SumExceedsMany { total, count, sum, excess } => {
                vec![("total", text(total)), ("count", (*count).into()), ("sum", text(sum)), ("excess", text(excess))]
            }
            SumDiffers { total, parts, sum, difference } => {
                vec![("total", text(total)), ("parts", text(parts)), ("sum", text(sum)), ("difference", text(difference))]
            }
            SumDiffersMany { total, count, sum, difference } => {
                vec![("total", text(total)), ("count", (*count).into()), ("sum", text(sum)), ("difference", text(difference))]
            }
            RespectivelyMismatch { items, values } => vec![("items", (*items).into()), ("values", (*values).into())],
            InconsistentFigure { indicator, first, second } => {
                vec![("indicator", text(indicator)), ("first", text(first)), ("second", text(second))]
            }
            MissingCharsShouldRead { found, fixed } | DocumentNumberMissingChars { found, fixed } => {
                vec![("found", text(found)), ("fixed", text(fixed))]
            }
            DateMissingChars { found, year, month, day } => vec![
                ("found", text(found)),
                ("year", Param::Int((*year).into())),
                ("month", Param::Int((*month).into())),
                ("day", Param::Int((*day).into())),
            ],
            DateMissingMarks { found } => vec![("found", text(found))],
            UnclosedQuote { quoted } | UnclosedBookTitle { quoted } | UnopenedQuote { quoted } => vec![("quoted", text(quoted))],
            UnclosedBracket { open, quoted, close } => vec![("open", text(open)), ("quoted", text(quoted)), ("close", text(close))],
            MissingMeasureWord { found, digits } | MissingMeasureWordAndStop { found, digits } => {
                vec![("found", text(found)), ("digits", text(digits))]
            }
            MissingMeasureWordLike { found, digits, example } => {
                vec![("found", text(found)), ("digits", text(digits)), ("example", text(example))]
            }
            TruncatedSentence { clause } => vec![("clause", text(clause))],
            Placeholder { found } => vec![("found", text(found))],
            UnquantifiedSection { title } => vec![("title", text(title))],
            RecycledFromOne { file, section, share } => vec![("file", text(file)), ("section", text(section)), ("share", (*share).into())],
            RecycledFromOneBody { file, share } => vec![("file", text(file)), ("share", (*share).into())],
            RecycledTemplate { count, files } | RecycledTemplateMore { count, files } => {
                vec![("count", (*count).into()), ("files", text(files))]
            }
            Watermark { found } | InjectedUrl { found } => vec![("found", text(found))],
            Pinyin { word, found } => vec![("word", text(word)), ("found", text(found))],
            BidiControls { count, names } | InvisibleFormat { count, names } => vec![("count", (*count).into()), ("names", text(names))],
            TextCutOff { clause } => vec![("clause", text(clause))],
            MoreOfTheSame { rest, all } => vec![("rest", (*rest).into()), ("all", (*all).into())],
            FiguresOmitted { listed, rest } | HeadingsOmitted { listed, rest } => {
                vec![("listed", (*listed).into()), ("rest", (*rest).into())]
            }
        }
    }

    /// The message in `lang`.
    #[cfg(test)]
    pub fn render(&self, lang: Lang) -> String {
        self.render_with(&self.params(), lang)
    }

    /// The result's `message`, `messageEn` and `params`, the parameters worked out once for
    /// the three (each copies the finding's quotations).
    pub fn rendered(&self) -> (String, String, BTreeMap<String, ParamValue>) {
        let params = self.params();
        (self.render_with(&params, Lang::Zh), self.render_with(&params, Lang::En), values(params))
    }

    fn render_with(&self, params: &[(&'static str, Param)], lang: Lang) -> String {
        let (zh, en) = self.templates();
        let template = match lang {
            Lang::Zh => zh,
            Lang::En => en,
        };
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = memchr::memchr(b'}', after.as_bytes()) else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            match params.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(&value.show(lang)),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        if lang == Lang::En {
            // An empty parameter (a rate without a name) leaves a double space.
            // (Byte pairs: `str::contains` set up a two-way searcher for each message.)
            while has_double_space(out.as_bytes()) {
                out = out.replace("  ", " ");
            }
        }
        out
    }

    /// The result's `message`: Chinese.
    #[cfg(test)]
    pub fn zh(&self) -> String {
        self.render(Lang::Zh)
    }

    /// The result's `messageEn`.
    #[cfg(test)]
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// The result's `params`.
    #[cfg(test)]
    pub fn param_values(&self) -> BTreeMap<String, ParamValue> {
        values(self.params())
    }
}

/// Parameters by name, as the result gives them.
fn values(params: Vec<(&'static str, Param)>) -> BTreeMap<String, ParamValue> {
    // Inserted one by one: `collect` into a BTreeMap sorts first, a copy of std's stable sort in the wasm.
    let mut values = BTreeMap::new();
    for (name, p) in params {
        values.insert(name.to_owned(), p.into_value());
    }
    values
}

/// Whether two spaces follow each other in `b`: every pair tested without an early exit, so the
/// compiler vectorises it (the early-exit `windows(2).any` stepped a pair at a time).
fn has_double_space(b: &[u8]) -> bool {
    b.iter().zip(b.iter().skip(1)).fold(false, |any, (&x, &y)| any | ((x == b' ') & (y == b' ')))
}

/// Items as a list of quotations: `“二是”、“三是”` (Chinese), `“二是”, “三是”` (English).
fn quoted_list(items: &[String], separator: &str) -> String {
    items.iter().map(|i| format!("“{i}”")).collect::<Vec<_>>().join(separator)
}

/// Between the items of a list in a message (file names, missing numbers).
pub const LIST_SEPARATOR: &str = "、";

/// The name of a required part as the 督察工作规定 gives it (`vocab::regulation`), and in English.
pub fn part_name(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (_, Lang::Zh) => crate::vocab::regulation::part(role).name,
        (Role::Measures, Lang::En) => "main measures and results in building law-based government",
        (Role::Duty, Lang::En) => "the principal Party and government leaders’ duty as first persons responsible for the rule of law",
        (Role::Problems, Lang::En) => "shortcomings and their causes",
        (Role::Plans, Lang::En) => "main plans for building law-based government in the next year",
    }
}

/// The code of a kind of document as in `meta.documentKind` (`rule-of-law-report`).
fn document_kind_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::RuleOfLawReport => "rule-of-law-report",
        DocumentKind::ReconsiderationStatistics => "reconsideration-statistics",
        DocumentKind::News => "news",
        DocumentKind::GovernmentWorkReport => "government-work-report",
        DocumentKind::Speech => "speech",
        DocumentKind::Other => "other",
    }
}

/// The short name of a kind of document (`meta.documentKind`): the register's 文件类型 cell,
/// and in English.
pub fn document_kind_name(kind: DocumentKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (DocumentKind::RuleOfLawReport, Lang::Zh) => "法治建设报告",
        (DocumentKind::ReconsiderationStatistics, Lang::Zh) => "行政复议统计",
        (DocumentKind::News, Lang::Zh) => "新闻",
        (DocumentKind::GovernmentWorkReport, Lang::Zh) => "政府工作报告",
        (DocumentKind::Speech, Lang::Zh) => "讲话",
        (DocumentKind::Other, Lang::Zh) => "其他",
        (DocumentKind::RuleOfLawReport, Lang::En) => "Rule-of-law report",
        (DocumentKind::ReconsiderationStatistics, Lang::En) => "Reconsideration statistics",
        (DocumentKind::News, Lang::En) => "News",
        (DocumentKind::GovernmentWorkReport, Lang::En) => "Government work report",
        (DocumentKind::Speech, Lang::En) => "Speech",
        (DocumentKind::Other, Lang::En) => "Other",
    }
}

/// English names of the categories (`metrics[].category`), in the order of
/// `vocab::categories`, with the fallback last.
pub const CATEGORY_NAMES: &[(&str, &str)] = &[
    ("行政复议", "Administrative reconsideration"),
    ("行政应诉", "Administrative litigation"),
    ("规范性文件", "Normative documents"),
    ("重大行政决策", "Major administrative decisions"),
    ("法律顾问", "Legal advisers"),
    ("矛盾纠纷化解", "Dispute resolution"),
    ("普法宣传", "Legal publicity and education"),
    ("学法培训", "Legal training"),
    ("行政执法", "Administrative law enforcement"),
    ("政务服务", "Government services"),
    ("应急管理", "Emergency management"),
    ("政务公开", "Government transparency"),
    ("其他", "Other"),
];

/// The finding codes' short names (a list heading, a filter), in Chinese and English.
pub const CODE_NAMES: &[(&str, &str, &str)] = &[
    ("section-missing", "缺少必备部分", "Missing part"),
    ("late-publication", "逾期公开", "Late publication"),
    ("numbering-gap", "序号跳号", "Numbering gap"),
    ("numbering-duplicate", "序号重复", "Duplicate number"),
    ("rate-mismatch", "比率不符", "Rate mismatch"),
    ("sum-mismatch", "合计不符", "Sum mismatch"),
    ("respectively-mismatch", "“分别”不对应", "“分别” (respectively) mismatch"),
    ("suspected-missing-char", "疑似缺字", "Missing character?"),
    ("truncated-sentence", "句子不完整", "Truncated sentence"),
    ("unquantified-section", "缺少数字", "No figures"),
    ("placeholder", "占位内容", "Placeholder"),
    ("recycled-text", "疑似沿用旧文", "Recycled text"),
    ("inconsistent-figure", "数字前后不一", "Inconsistent figure"),
    ("causes-missing", "未分析原因", "Causes not stated"),
    ("injected-text", "网页水印或链接", "Watermark or link"),
    ("pinyin-annotation", "拼音注音", "Pinyin annotation"),
    ("invisible-characters", "不可见字符", "Invisible characters"),
    ("figures-omitted", "数字未全部列出", "Figures not all listed"),
    ("headings-omitted", "标题未全部列出", "Headings not all listed"),
];

/// The catalogue's names for a client (the page and the widget show English from it):
/// `{categories: {zh: en}, parts: {role: {zh, en}}, codes: {code: {zh, en}}}`.
#[derive(Debug, Clone, Serialize)]
pub struct Names {
    pub categories: BTreeMap<&'static str, &'static str>,
    pub parts: BTreeMap<&'static str, Name>,
    pub codes: BTreeMap<&'static str, Name>,
    /// `meta.documentKind` codes: `{code: {zh, en}}`.
    #[serde(rename = "documentKinds")]
    pub document_kinds: BTreeMap<&'static str, Name>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Name {
    pub zh: &'static str,
    pub en: &'static str,
}

pub fn names() -> Names {
    Names {
        categories: CATEGORY_NAMES.iter().copied().collect(),
        parts: Role::ALL
            .iter()
            .map(|&r| (role_key(r), Name { zh: part_name(r, Lang::Zh), en: part_name(r, Lang::En) }))
            .collect(),
        codes: CODE_NAMES.iter().map(|&(code, zh, en)| (code, Name { zh, en })).collect(),
        document_kinds: DocumentKind::ALL
            .iter()
            .map(|&k| (document_kind_key(k), Name { zh: document_kind_name(k, Lang::Zh), en: document_kind_name(k, Lang::En) }))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::FindingCode;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    proptest::proptest! {
        /// The vectorisable test finds two spaces where the pair-by-pair one does.
        #[test]
        fn a_double_space_is_found_as_pair_by_pair(text in crate::scan::oracle::texts(vec![" ", "  ", "a", "中", "\n"], 80)) {
            let b = text.as_bytes();
            proptest::prop_assert_eq!(has_double_space(b), b.windows(2).any(|pair| pair == b"  "));
        }
    }

    /// One of each message (a new variant fails to compile in `ordinal` until added here).
    fn one_of_each() -> Vec<Message> {
        use Message::*;
        let s = |x: &str| x.to_owned();
        vec![
            SectionMissingAnnual { part: Role::Duty },
            SectionMissingOther { part: Role::Plans, period: Some(Period::HalfYear) },
            LatePublication { year: 2019, deadline: date(2020, 4, 1), published: date(2020, 4, 20), days: 19 },
            NumberingGapAcrossParts { last: s("二是"), here: s("四是"), missing: vec![s("三是")] },
            NumberingGapAtStart { here: s("二是"), first: s("一是") },
            NumberingGap { previous: s("一是"), here: s("四是"), missing: vec![s("二是"), s("三是")] },
            NumberingDuplicateTypo { here: s("三是"), meant: s("二是") },
            NumberingDuplicate { here: s("三是") },
            NumberingBackwards { here: s("二是"), previous: s("三是") },
            RateMismatch { name: s("办结率"), stated: s("95%"), numerator: s("80件"), denominator: s("100件"), computed: s("80.0"), unit: s("%") },
            SumExceeds { total: s("10件"), parts: s("6件+7件"), sum: s("13件"), excess: s("3件") },
            SumExceedsMany { total: s("10件"), count: 7, sum: s("13件"), excess: s("3件") },
            SumDiffers { total: s("10件"), parts: s("6件+3件"), sum: s("9件"), difference: s("1件") },
            SumDiffersMany { total: s("10件"), count: 7, sum: s("9件"), difference: s("1件") },
            RespectivelyMismatch { items: 3, values: 2 },
            InconsistentFigure { indicator: s("行政复议案件"), first: s("15件"), second: s("17件") },
            MissingCharsShouldRead { found: s("20198月"), fixed: s("2019年8月") },
            DateMissingChars { found: s("2020414"), year: 2020, month: 4, day: 14 },
            DateMissingMarks { found: s("2020111") },
            DocumentNumberMissingChars { found: s("公编〔201923号"), fixed: s("公编〔2019〕23号") },
            UnclosedQuote { quoted: s("放管服") },
            UnclosedBookTitle { quoted: s("行政处罚法") },
            UnclosedBracket { open: s("("), quoted: s("试行"), close: s(")") },
            UnopenedQuote { quoted: s("放管服") },
            MissingMeasureWord { found: s("减少14二"), digits: s("14") },
            MissingMeasureWordAndStop { found: s("减少14二是"), digits: s("14") },
            MissingMeasureWordLike { found: s("6规范性文件"), digits: s("6"), example: s("6件规范性文件") },
            TruncatedSentence { clause: s("及时在政府网站进行") },
            Placeholder { found: s("XX") },
            UnquantifiedSection { title: s("加强普法") },
            RecycledFromOne { file: s("a.txt"), section: s("一、主要举措"), share: 40 },
            RecycledFromOneBody { file: s("a.txt"), share: 40 },
            RecycledTemplate { count: 3, files: s("a.txt、b.txt、c.txt") },
            RecycledTemplateMore { count: 7, files: s("a.txt、b.txt") },
            Watermark { found: s("范文网每日更新 www.example.com") },
            InjectedUrl { found: s("www.example.com") },
            Pinyin { word: s("督"), found: s("(dū)") },
            BidiControls { count: 1, names: s("U+202E") },
            InvisibleFormat { count: 2, names: s("U+200B") },
            TextCutOff { clause: s("全年组织培训12") },
            MoreOfTheSame { rest: 5, all: 205 },
            CausesMissing,
            FiguresOmitted { listed: 1100, rest: 3000 },
            HeadingsOmitted { listed: 600, rest: 2000 },
        ]
    }

    fn ordinal(m: &Message) -> usize {
        use Message::*;
        match m {
            SectionMissingAnnual { .. } => 0,
            SectionMissingOther { .. } => 1,
            LatePublication { .. } => 2,
            NumberingGapAcrossParts { .. } => 3,
            NumberingGapAtStart { .. } => 4,
            NumberingGap { .. } => 5,
            NumberingDuplicateTypo { .. } => 6,
            NumberingDuplicate { .. } => 7,
            NumberingBackwards { .. } => 8,
            RateMismatch { .. } => 9,
            SumExceeds { .. } => 10,
            SumExceedsMany { .. } => 11,
            SumDiffers { .. } => 12,
            SumDiffersMany { .. } => 13,
            RespectivelyMismatch { .. } => 14,
            InconsistentFigure { .. } => 15,
            MissingCharsShouldRead { .. } => 16,
            DateMissingChars { .. } => 17,
            DateMissingMarks { .. } => 18,
            DocumentNumberMissingChars { .. } => 19,
            UnclosedQuote { .. } => 20,
            UnclosedBookTitle { .. } => 21,
            UnclosedBracket { .. } => 22,
            UnopenedQuote { .. } => 23,
            MissingMeasureWord { .. } => 24,
            MissingMeasureWordAndStop { .. } => 25,
            MissingMeasureWordLike { .. } => 26,
            TruncatedSentence { .. } => 27,
            Placeholder { .. } => 28,
            UnquantifiedSection { .. } => 29,
            RecycledFromOne { .. } => 30,
            RecycledFromOneBody { .. } => 31,
            RecycledTemplate { .. } => 32,
            RecycledTemplateMore { .. } => 33,
            Watermark { .. } => 34,
            InjectedUrl { .. } => 35,
            Pinyin { .. } => 36,
            BidiControls { .. } => 37,
            InvisibleFormat { .. } => 38,
            TextCutOff { .. } => 39,
            MoreOfTheSame { .. } => 40,
            CausesMissing => 41,
            FiguresOmitted { .. } => 42,
            HeadingsOmitted { .. } => 43,
        }
    }

    /// The `{name}`s a template uses.
    fn placeholders(template: &str) -> std::collections::BTreeSet<&str> {
        let mut names = std::collections::BTreeSet::new();
        let mut rest = template;
        while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
            let Some(close) = rest[open..].find('}') else { break };
            names.insert(&rest[open + 1..open + close]);
            rest = &rest[open + close + 1..];
        }
        names
    }

    /// Whether a template has Chinese characters outside “…” (quoted words of the report).
    fn han_outside_quotes(template: &str) -> bool {
        let mut quoted = false;
        template.chars().any(|c| {
            match c {
                '“' => quoted = true,
                '”' => quoted = false,
                _ => {}
            }
            !quoted && ('\u{4E00}'..='\u{9FFF}').contains(&c)
        })
    }

    #[test]
    fn every_message_has_both_languages_using_exactly_its_parameters() {
        let all = one_of_each();
        let mut covered: Vec<usize> = all.iter().map(ordinal).collect();
        covered.sort();
        assert_eq!(covered, (0..all.len()).collect::<Vec<_>>(), "one sample per message variant");
        for m in &all {
            let (zh, en) = m.templates();
            let params: std::collections::BTreeSet<&str> = m.params().iter().map(|(n, _)| *n).collect();
            assert_eq!(m.params().len(), params.len(), "{m:?}: a parameter named twice");
            assert_eq!(placeholders(zh), params, "{m:?}: Chinese template and parameters differ");
            assert_eq!(placeholders(en), params, "{m:?}: English template and parameters differ");
            let (zh, en) = (m.zh(), m.en());
            assert!(!zh.contains(['{', '}']) && !en.contains(['{', '}']), "{zh} / {en}");
            assert!(!han_outside_quotes(m.templates().1), "{m:?}: Chinese outside quotation marks in English");
        }
    }

    #[test]
    fn messages_render_as_the_rules_wrote_them() {
        let late = Message::LatePublication { year: 2019, deadline: date(2020, 4, 1), published: date(2020, 4, 20), days: 19 };
        assert_eq!(late.zh(), "2019年度报告应于2020年4月1日前公开,本文发布日期为2020年4月20日,晚了19天。");
        assert_eq!(late.en(), "The 2019 annual report was due by 2020-04-01; this one was published on 2020-04-20, 19 days late.");
        let params = late.param_values();
        assert_eq!(params["deadline"], ParamValue::Text("2020-04-01".into()));
        assert_eq!(params["days"], ParamValue::Number(19));
        let missing = Message::SectionMissingOther { part: Role::Plans, period: None };
        assert_eq!(missing.zh(), "未找到“下一年度推进法治政府建设的主要安排”部分;年度报告必须包含这一部分,本文未能确定为年度报告,可酌情补充。");
        assert_eq!(missing.param_values()["part"], ParamValue::Text("plans".into()));
        assert_eq!(missing.param_values()["period"], ParamValue::Text("unknown".into()));
        let unnamed = Message::RateMismatch {
            name: String::new(),
            stated: "95%".into(),
            numerator: "80件".into(),
            denominator: "100件".into(),
            computed: "80.00".into(),
            unit: "%".into(),
        };
        assert_eq!(unnamed.zh(), "“95%”与所列数据不符:80件÷100件≈80.00%,请核对。");
        assert!(unnamed.en().starts_with("The rate “95%” does not match"), "{}", unnamed.en());
        // The missing numbers are data: a list in `params`, worded by each language.
        let gap = Message::NumberingGap { previous: "一是".into(), here: "四是".into(), missing: vec!["二是".into(), "三是".into()] };
        assert_eq!(gap.zh(), "“一是”之后直接出现“四是”,缺少“二是”、“三是”,请核对是否漏项或漏标编号。");
        assert_eq!(gap.en(), "“四是” follows “一是” directly; missing: “二是”, “三是”. Check for a missing item or number.");
        assert_eq!(gap.param_values()["missing"], ParamValue::List(vec!["二是".into(), "三是".into()]));
        assert!(!gap.en().contains(LIST_SEPARATOR), "no Chinese list separator in English");
        // In English each run of spaces is one space (the Chinese message keeps the quotation).
        let spaced = Message::TruncatedSentence { clause: "受理  案件   ".into() };
        assert!(spaced.en().contains("受理 案件 ") && !spaced.en().contains("  "), "{}", spaced.en());
        assert!(spaced.zh().contains("受理  案件   "), "{}", spaced.zh());
    }

    #[test]
    fn names_cover_every_category_part_and_code() {
        let names = names();
        for (category, _) in super::super::categories::CATEGORIES {
            assert!(names.categories.contains_key(category), "{category} has no English name");
        }
        assert!(names.categories.contains_key(super::super::OTHER_CATEGORY));
        assert_eq!(names.categories.len(), 13);
        assert_eq!(names.parts.len(), 4);
        assert_eq!(names.codes.len(), FindingCode::ALL.len());
        for code in FindingCode::ALL {
            let key = serde_json::to_value(code).unwrap();
            assert!(names.codes.contains_key(key.as_str().unwrap()), "{key} has no name");
        }
        assert_eq!(names.document_kinds.len(), DocumentKind::ALL.len());
        for kind in DocumentKind::ALL {
            let key = serde_json::to_value(kind).unwrap();
            assert_eq!(key.as_str(), Some(document_kind_key(kind)), "the catalogue's key is the result's code");
        }
    }
}
