//! The analysis result, format `fazhi-analyzer/1` — public API.
//!
//! Every `start`/`end` here is a UTF-16 code unit offset into the text as given
//! (end exclusive). Stages work in byte [`Span`](crate::Span)s; [`crate::encode`]
//! converts once, at this boundary. Field names are the contract (docs/result-format.md).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "fazhi-analyzer/1";

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub format: String,
    pub meta: Meta,
    /// The report itself, after page chrome is set aside.
    pub body: Range,
    /// Page chrome set aside: menus, metadata blocks, footers.
    pub boilerplate: Vec<Boilerplate>,
    pub outline: Vec<Heading>,
    pub metrics: Vec<Metric>,
    /// How metrics relate: breakdowns, 分别 distributions, rate triples.
    pub relations: Vec<Relation>,
    pub findings: Vec<Finding>,
    /// Which required parts of an annual report were found.
    pub sections: Sections,
    pub review: Review,
    pub stats: Stats,
}

/// A UTF-16 range.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub report_year: Option<i32>,
    pub period: Option<Period>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub fields: Vec<MetaField>,
    /// What kind of document this is; only a `rule-of-law-report` is asked for the
    /// required parts and judged for timeliness. Absent in results written before it existed.
    #[serde(default)]
    pub document_kind: DocumentKind,
    /// Every date the page gives that could be its publication date, best first; when
    /// they contradict each other `published` is null and these say why.
    #[serde(default)]
    pub date_candidates: Vec<DateCandidate>,
}

/// A date that could be the publication date, and where it is written.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DateCandidate {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub source: DateSourceKind,
    /// The metadata field's label (`发布时间`, `更新时间` …) for `metadata`, else null.
    pub label: Option<String>,
    /// The date as written (UTF-16), or null where it cannot be located.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DateSourceKind {
    /// A field of the page's metadata block.
    Metadata,
    /// The date under the signature.
    Signature,
    /// A news dateline (`3月30日电`), its year from the page's own date.
    Dateline,
}

/// The kind of document (a small closed set of stable codes).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// A 法治政府建设 (法治建设, 依法行政) report, of any period (`period` says which); also a
    /// text with no evidence of being anything else.
    #[default]
    RuleOfLawReport,
    /// Statistics or analysis of 行政复议 / 行政应诉 cases.
    ReconsiderationStatistics,
    /// A news article (dateline `3月30日电`, `本报讯`, a byline).
    News,
    /// A 政府工作报告 to the people's congress.
    GovernmentWorkReport,
    /// A speech (讲话, 致辞; opens `同志们:`).
    Speech,
    /// Evidently not a report: a plan, notice, opinion, rules (方案, 通知, 工作要点 …).
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 6] = [
        DocumentKind::RuleOfLawReport,
        DocumentKind::ReconsiderationStatistics,
        DocumentKind::News,
        DocumentKind::GovernmentWorkReport,
        DocumentKind::Speech,
        DocumentKind::Other,
    ];
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Year,
    HalfYear,
    Quarter,
    MidTerm,
    MultiYear,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MetaField {
    pub name: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// Site navigation: 登录/注册/无障碍阅读/今天是 …
    Menu,
    /// The page's metadata block: 索引号/发文单位/发布时间 …
    Metadata,
    /// 打印|关闭, ICP备, 主办/承办, 网站地图 …
    Footer,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Heading {
    pub id: usize,
    pub parent: Option<usize>,
    /// 1 = top level in this document.
    pub level: u32,
    /// As written: `一、`, `(一)`, `1.`, `一是` …
    pub marker: String,
    pub style: HeadingStyle,
    /// The ordinal the marker states (三是 → 3), if any.
    pub number: Option<u32>,
    pub title: String,
    pub start: usize,
    pub end: usize,
    /// The required part this heading is (the first of `sections`).
    pub role: Option<Role>,
    /// Every required part the heading covers (`存在的问题及下一步打算` → problems, plans).
    pub sections: Vec<Role>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingStyle {
    /// 一、
    CnDun,
    /// (一)
    CnParen,
    /// 1. 1、
    NumDot,
    /// (1)
    NumParen,
    /// ①
    Circled,
    /// 一是 / 第一 / 首先 …, inside a paragraph.
    Inline,
    /// An unnumbered short sentence that opens a paragraph and acts as a heading.
    RunIn,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    Measures,
    Duty,
    Problems,
    Plans,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Measures, Role::Duty, Role::Problems, Role::Plans];
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    pub id: usize,
    pub start: usize,
    pub end: usize,
    /// The quantity exactly as written: `478.7761万元`, `430余人次`, `百分之百`.
    pub text: String,
    /// With 万/亿/千 folded in: `478.7761万元` → 4787761.
    pub value: f64,
    /// Upper bound of a range (`3至5天`).
    pub value_max: Option<f64>,
    /// Base unit without multipliers: `元`, `件`, `人次`, `%`, `天` (borrowed from the units
    /// table, like the category: no string of its own per figure).
    pub unit: Cow<'static, str>,
    pub kind: MetricKind,
    pub approx: Option<Approx>,
    /// What is measured: `行政诉讼案件`, `负责人出庭应诉率`.
    pub indicator: String,
    pub category: Cow<'static, str>,
    /// Innermost heading it stands under.
    pub heading: Option<usize>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "camelCase")]
pub enum MetricKind {
    Count,
    Money,
    Percent,
    Duration,
    Measure,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum Approx {
    /// 余 多 以上 超过
    Over,
    /// 近 不到 不足
    Under,
    /// 约 左右
    About,
}

/// How metrics relate; ids index `metrics`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Relation {
    /// `X件,其中A件、B件`: parts of a total; `exhaustive` when the parts claim to be all of it.
    Breakdown { total: usize, parts: Vec<usize>, exhaustive: bool, start: usize, end: usize },
    /// `A、B、C … 分别 x、y、z`: items paired with values in order.
    Respectively { items: Vec<Item>, values: Vec<usize>, start: usize, end: usize },
    /// `应报N户,已报M户,年报率R%`.
    Rate { numerator: usize, denominator: usize, rate: usize, start: usize, end: usize },
}

/// A listed item that a relation pairs (a metric when it is one).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub metric: Option<usize>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub id: usize,
    pub code: FindingCode,
    pub severity: Severity,
    /// One plain Chinese sentence a reviewer can act on.
    pub message: String,
    /// The same message in English, from the same catalogue (`vocab::messages`).
    #[serde(default)]
    pub message_en: String,
    /// The message's parameters by name (quoted text, counts, ISO dates, part and period
    /// codes), for a client that words the finding itself.
    #[serde(default)]
    pub params: BTreeMap<String, ParamValue>,
    /// The evidence; null only for whole-document findings.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// Other statements the finding points at, e.g. the earlier of two contradictory figures.
    /// Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Range>,
    /// Cross-report findings: where the same passage stands in the other reports of the
    /// batch. Absent from single-report results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A parameter of a finding's message: text, an integer, or a list of words quoted from the
/// report (a numbering gap's missing numbers).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum ParamValue {
    Number(i64),
    Text(String),
    List(Vec<String>),
}

/// A passage in another report of the batch.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The other report's file name, as the batch names it.
    pub file: String,
    /// UTF-16 range in that report's text.
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    SectionMissing,
    LatePublication,
    NumberingGap,
    NumberingDuplicate,
    RateMismatch,
    SumMismatch,
    RespectivelyMismatch,
    SuspectedMissingChar,
    TruncatedSentence,
    UnquantifiedSection,
    Placeholder,
    /// A passage repeated from another report of the batch (or a template shared by many).
    RecycledText,
    /// The same indicator and unit stated twice with different values in one report.
    InconsistentFigure,
    /// The problems part lists shortcomings but states no causes (督察工作规定 第二十五条(二)).
    CausesMissing,
    /// A site's watermark or a URL pasted into the text.
    InjectedText,
    /// A pinyin annotation after a character: `監督(dū)`.
    PinyinAnnotation,
    /// Bidi controls or zero-width format characters in the text.
    InvisibleCharacters,
    /// More figures than the output lists (a text of little but figures; issue 15).
    FiguresOmitted,
    /// More headings than the outline lists (a text of little but headings; issue 15).
    HeadingsOmitted,
}

impl FindingCode {
    pub const ALL: [FindingCode; 19] = [
        FindingCode::SectionMissing,
        FindingCode::LatePublication,
        FindingCode::NumberingGap,
        FindingCode::NumberingDuplicate,
        FindingCode::RateMismatch,
        FindingCode::SumMismatch,
        FindingCode::RespectivelyMismatch,
        FindingCode::SuspectedMissingChar,
        FindingCode::TruncatedSentence,
        FindingCode::UnquantifiedSection,
        FindingCode::Placeholder,
        FindingCode::RecycledText,
        FindingCode::InconsistentFigure,
        FindingCode::CausesMissing,
        FindingCode::InjectedText,
        FindingCode::PinyinAnnotation,
        FindingCode::InvisibleCharacters,
        FindingCode::FiguresOmitted,
        FindingCode::HeadingsOmitted,
    ];
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Sections {
    pub measures: bool,
    pub duty: bool,
    pub problems: bool,
    pub plans: bool,
}

/// Summary figures a reviewer reads first.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// Metrics per 1000 body characters (UTF-16 units).
    pub figures_per_1000_chars: f64,
    /// Share of measures sections (headings under the measures part) stating at least one figure; null without any.
    pub quantified_measures_share: Option<f64>,
    /// One entry per required part, in the order of the 督察工作规定.
    pub required_parts: Vec<RequiredPart>,
    pub timeliness: Timeliness,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RequiredPart {
    pub part: Role,
    pub present: bool,
    /// The heading that carries it.
    pub heading: Option<usize>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Timeliness {
    pub status: TimelinessStatus,
    /// `YYYY-MM-DD`: 1 April of the year after the report year, for annual reports.
    pub deadline: Option<String>,
    pub published: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum TimelinessStatus {
    OnTime,
    Late,
    /// Annual report, but no publication date found.
    #[default]
    Unknown,
    /// Not an annual report: no deadline applies.
    NotApplicable,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Length of the text in UTF-16 units.
    pub chars: usize,
    pub headings: usize,
    pub metrics: usize,
    pub findings: usize,
}
