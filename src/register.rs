//! The spring register: a batch of analysed reports as three tables — one row per report
//! (汇总), one per finding (发现), one per figure (数字) — for the page, the CLI's CSV and
//! the workbook. Derived only from each file's [`Analysis`] and its text; nothing is
//! re-analysed here. Columns: `docs/register.md`.

use serde::{Deserialize, Serialize};

use crate::result::*;
use crate::vocab::register as words;
use crate::vocab::messages::{document_kind_name, Lang};
use crate::vocab::register::{kind_label, period_label, severity_label};

/// One file of a batch: analysed, or refused with the reason.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The file's name (or path) as the user knows it.
    pub file: &'a str,
    pub source: Source<'a>,
}

#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// The text as analysed (offsets in `analysis` index it) and its result.
    Analysed { text: &'a str, analysis: &'a Analysis },
    Refused(&'a RowError),
}

/// Why a file has no analysis: `code` is stable (`empty`, `binary`, `unreadable` …), `message`
/// is for people.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    pub code: String,
    pub message: String,
}

/// The three tables of a batch.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Tables {
    pub register: Table,
    pub findings: Table,
    pub figures: Table,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub columns: Vec<Column>,
    /// One cell per column, in column order.
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// Stable English key: the page's `data-col`, the CLI's column identity.
    pub key: String,
    /// Chinese header, as printed in CSV and the workbook.
    pub header: String,
    #[serde(rename = "type")]
    pub kind: CellType,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum CellType {
    Text,
    Number,
    /// `YYYY-MM-DD`.
    Date,
    Bool,
}

/// A cell. In JSON a plain value: string, number, boolean or null; a date is its
/// `YYYY-MM-DD` string (its column's `type` says it is a date, and it reads back as text).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Bool(bool),
    Number(f64),
    Text(String),
    Date(String),
}

impl Cell {
    /// The cell as CSV prints it: numbers in their shortest form (`2019`, `18.35`), booleans
    /// 是/否, dates `YYYY-MM-DD`, empty as nothing.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Bool(true) => words::YES.to_owned(),
            Cell::Bool(false) => words::NO.to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Text(s) | Cell::Date(s) => s.clone(),
        }
    }

    fn text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
    }
    fn date(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Date(s.to_owned()))
    }
    fn number(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Number)
    }
    fn count(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

pub use crate::vocab::register::{Spec, FIGURE_COLUMNS, FINDING_COLUMNS, REGISTER_COLUMNS};

fn columns(specs: &[Spec]) -> Vec<Column> {
    specs.iter().map(|&(key, header, kind)| Column { key: key.to_owned(), header: header.to_owned(), kind }).collect()
}

/// A refused file's row: its name, the reason in the `error` column, every other cell empty.
fn refused_row(specs: &[Spec], file: &str, error: &RowError) -> Vec<Cell> {
    let mut row = vec![Cell::Empty; specs.len()];
    row[0] = Cell::Text(file.to_owned());
    if let Some(at) = specs.iter().position(|&(key, _, _)| key == ERROR_KEY) {
        row[at] = Cell::Text(error.message.clone());
    }
    row
}

/// The column that carries a refused file's reason.
const ERROR_KEY: &str = "error";

/// One file of a batch as the page holds it (`registerTables` in wasm):
/// `{file, text, result}` or `{file, error}`; `error` is `{code, message}` or a message.
/// Without `result` the text is analysed here.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BatchEntry {
    pub file: String,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub result: Option<Analysis>,
    #[serde(default)]
    pub error: Option<BatchError>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum BatchError {
    Full(RowError),
    Message(String),
}

/// The tables of a batch as the page holds it.
pub fn batch_tables(batch: &[BatchEntry]) -> Tables {
    let analysed: Vec<Result<(&str, std::borrow::Cow<Analysis>), RowError>> = batch
        .iter()
        .map(|b| match (&b.error, &b.text, &b.result) {
            (Some(BatchError::Full(e)), _, _) => Err(e.clone()),
            (Some(BatchError::Message(m)), _, _) => Err(RowError { code: "refused".into(), message: m.clone() }),
            (None, Some(text), Some(result)) => Ok((text.as_str(), std::borrow::Cow::Borrowed(result))),
            (None, Some(text), None) => match crate::validate(text) {
                Ok(()) => Ok((text.as_str(), std::borrow::Cow::Owned(crate::analyze(text)))),
                Err(e) => Err(RowError { code: e.code().into(), message: e.to_string() }),
            },
            (None, None, _) => Err(RowError { code: "no-text".into(), message: words::NO_TEXT.into() }),
        })
        .collect();
    let entries: Vec<Entry> = batch
        .iter()
        .zip(&analysed)
        .map(|(b, a)| Entry {
            file: &b.file,
            source: match a {
                Ok((text, analysis)) => Source::Analysed { text, analysis },
                Err(e) => Source::Refused(e),
            },
        })
        .collect();
    tables(&entries)
}

/// All three tables, rows in the order of `entries`.
pub fn tables(entries: &[Entry]) -> Tables {
    Tables { register: register(entries), findings: findings(entries), figures: figures(entries) }
}

/// One row per file, refused files included.
pub fn register(entries: &[Entry]) -> Table {
    let rows = entries
        .iter()
        .map(|e| match e.source {
            Source::Analysed { analysis, .. } => register_row(e.file, analysis),
            Source::Refused(error) => refused_row(&REGISTER_COLUMNS, e.file, error),
        })
        .collect();
    Table { columns: columns(&REGISTER_COLUMNS), rows }
}

fn register_row(file: &str, a: &Analysis) -> Vec<Cell> {
    let t = &a.review.timeliness;
    let severity = |s: Severity| Cell::count(a.findings.iter().filter(|f| f.severity == s).count());
    vec![
        Cell::Text(file.to_owned()),
        Cell::text(a.meta.title.as_deref()),
        Cell::text(a.meta.issuer.as_deref()),
        Cell::number(a.meta.report_year.map(f64::from)),
        Cell::text(a.meta.period.map(period_label)),
        Cell::date(t.published.as_deref()),
        Cell::date(t.deadline.as_deref()),
        Cell::Text(timeliness_label(t)),
        part_cell(a, Role::Measures, a.sections.measures),
        part_cell(a, Role::Duty, a.sections.duty),
        part_cell(a, Role::Problems, a.sections.problems),
        part_cell(a, Role::Plans, a.sections.plans),
        Cell::count(a.metrics.len()),
        Cell::Number(a.review.figures_per_1000_chars),
        Cell::number(a.review.quantified_measures_share),
        severity(Severity::Error),
        severity(Severity::Warning),
        severity(Severity::Info),
        Cell::Empty,
        Cell::Text(document_kind_name(a.meta.document_kind, Lang::Zh).to_owned()),
    ]
}

/// 是 / 否, or the part's incomplete label (缺原因) when its heading was found but the part is
/// not there in full (`requiredParts[].present` false with a `heading`); 不适用 for a document
/// that owes no required parts (`meta.documentKind` not a rule-of-law report).
fn part_cell(a: &Analysis, part: Role, present: bool) -> Cell {
    if a.meta.document_kind != DocumentKind::RuleOfLawReport {
        return Cell::Text(words::NOT_APPLICABLE.to_owned());
    }
    let found = a.review.required_parts.iter().any(|p| p.part == part && !p.present && p.heading.is_some());
    if !present && found { Cell::Text(words::incomplete_part_label(part).to_owned()) } else { Cell::Bool(present) }
}

/// One row per finding; a refused file gives one row carrying its reason.
pub fn findings(entries: &[Entry]) -> Table {
    let mut rows = Vec::new();
    for e in entries {
        match e.source {
            Source::Analysed { text, analysis } => {
                let index = Utf16Index::new(text);
                for f in &analysis.findings {
                    let evidence = f.start.zip(f.end).map(|(s, e)| index.sentence(s, e));
                    let heading = f.start.and_then(|s| heading_before(&analysis.outline, s));
                    rows.push(vec![
                        Cell::Text(e.file.to_owned()),
                        Cell::Text(severity_label(f.severity).to_owned()),
                        Cell::Text(code_key(f.code)),
                        Cell::Text(f.message.clone()),
                        Cell::text(evidence),
                        Cell::text(heading.map(|h| heading_path(&analysis.outline, h)).as_deref()),
                        Cell::Empty,
                    ]);
                }
            }
            Source::Refused(error) => rows.push(refused_row(&FINDING_COLUMNS, e.file, error)),
        }
    }
    Table { columns: columns(&FINDING_COLUMNS), rows }
}

/// One row per figure; a refused file gives one row carrying its reason.
pub fn figures(entries: &[Entry]) -> Table {
    let mut rows = Vec::new();
    for e in entries {
        match e.source {
            Source::Analysed { text, analysis } => {
                let index = Utf16Index::new(text);
                for m in &analysis.metrics {
                    rows.push(vec![
                        Cell::Text(e.file.to_owned()),
                        Cell::Text(m.text.clone()),
                        Cell::Number(m.value),
                        Cell::Text(m.unit.to_string()),
                        Cell::Text(kind_label(m.kind).to_owned()),
                        Cell::Text(m.indicator.clone()),
                        Cell::Text(m.category.to_string()),
                        Cell::text(m.heading.map(|h| heading_path(&analysis.outline, h)).as_deref()),
                        Cell::Text(index.sentence(m.start, m.end).to_owned()),
                        Cell::Empty,
                    ]);
                }
            }
            Source::Refused(error) => rows.push(refused_row(&FIGURE_COLUMNS, e.file, error)),
        }
    }
    Table { columns: columns(&FIGURE_COLUMNS), rows }
}

/// 按时 / 逾期 N 天 / 未知 / 不适用.
pub fn timeliness_label(t: &Timeliness) -> String {
    let days_late = match (t.published.as_deref().and_then(day_number), t.deadline.as_deref().and_then(day_number)) {
        (Some(p), Some(d)) => Some(p - d),
        _ => None,
    };
    words::timeliness_label(t.status, days_late)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * m + 2) / 5 + d - 1;
    Some(era * 146097 + doe - 719468)
}


/// The finding code as in the result JSON (`section-missing`).
fn code_key(code: FindingCode) -> String {
    serde_json::to_value(code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The last heading that starts at or before `pos`: where a finding's evidence stands.
fn heading_before(outline: &[Heading], pos: usize) -> Option<usize> {
    outline.partition_point(|h| h.start <= pos).checked_sub(1).map(|k| outline[k].id)
}

/// `一、主要举措 › (一)深化改革 › 一是…`: markers and titles from the top level down.
fn heading_path(outline: &[Heading], id: usize) -> String {
    let mut chain = Vec::new();
    let mut next = outline.get(id);
    while let Some(h) = next {
        chain.push(format!("{}{}", h.marker, h.title));
        next = h.parent.and_then(|p| outline.get(p));
        if chain.len() > outline.len() {
            break; // a malformed parent chain from outside: never loop
        }
    }
    chain.reverse();
    chain.join(" › ")
}

/// UTF-16 offsets of a text as byte offsets, for slicing sentences.
struct Utf16Index<'a> {
    text: &'a str,
    /// `(utf16 offset, byte offset)` of every character.
    starts: Vec<(usize, usize)>,
}

use crate::vocab::register::EVIDENCE_SENTENCE_END as SENTENCE_END;
/// A sentence longer than this (a paragraph without a full stop) is cut around the evidence.
const MAX_SENTENCE_CHARS: usize = 300;

impl<'a> Utf16Index<'a> {
    fn new(text: &'a str) -> Self {
        let mut unit = 0;
        let starts = text
            .char_indices()
            .map(|(b, c)| {
                let at = (unit, b);
                unit += c.len_utf16();
                at
            })
            .collect();
        Utf16Index { text, starts }
    }

    /// Byte offset of a UTF-16 offset (clamped to the text; inside a surrogate pair → that character).
    fn byte(&self, unit: usize) -> usize {
        let i = self.starts.partition_point(|&(u, _)| u <= unit);
        let Some(&(u, b)) = i.checked_sub(1).map(|k| &self.starts[k]) else { return 0 };
        let c = self.text[b..].chars().next().unwrap_or_default();
        if unit >= u + c.len_utf16() { b + c.len_utf8() } else { b }
    }

    /// The sentence around `[start, end)`: from after the previous 。!?/line break to the next
    /// sentence end (included) or line break, trimmed.
    fn sentence(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = (self.byte(start), self.byte(end.max(start)));
        if s >= self.text.len() {
            return "";
        }
        let head = &self.text[..s];
        let from = head.rfind(|c: char| SENTENCE_END.contains(&c) || c == '\n').map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let tail = &self.text[e..];
        let to = match tail.find(|c: char| SENTENCE_END.contains(&c) || c == '\n') {
            Some(i) if tail[i..].starts_with('\n') => e + i,
            Some(i) => e + i + tail[i..].chars().next().map_or(0, char::len_utf8),
            None => self.text.len(),
        };
        let mut from = from.min(s);
        let mut to = to.max(e);
        // A run-on paragraph: keep a window around the evidence.
        if self.text[from..to].chars().count() > MAX_SENTENCE_CHARS {
            let half = MAX_SENTENCE_CHARS / 2;
            from = self.text[from..s].char_indices().rev().nth(half).map_or(from, |(i, _)| from + i);
            to = self.text[e..to].char_indices().nth(half).map_or(to, |(i, _)| e + i);
        }
        self.text[from..to].trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_by_utf16_offsets() {
        let text = "一、工作\n𠀀共办理案件12件,其中复议3件。组织培训2场次!\n没有句号的一行";
        let index = Utf16Index::new(text);
        let at = |needle: &str| {
            let b = text.find(needle).unwrap();
            let s = text[..b].encode_utf16().count();
            index.sentence(s, s + needle.encode_utf16().count())
        };
        assert_eq!(at("3件"), "𠀀共办理案件12件,其中复议3件。");
        assert_eq!(at("2场次"), "组织培训2场次!");
        assert_eq!(at("句号"), "没有句号的一行");
        assert_eq!(at("工作"), "一、工作");
        // Out-of-range offsets from outside are clamped, not a panic.
        assert_eq!(index.sentence(10_000, 10_001), "");
    }

    #[test]
    fn cells_as_csv_text() {
        let texts: Vec<String> =
            [Cell::Empty, Cell::Bool(true), Cell::Bool(false), Cell::Number(2019.0), Cell::Number(18.35), Cell::Number(-0.5), Cell::Date("2020-04-01".into())]
                .iter()
                .map(Cell::to_text)
                .collect();
        assert_eq!(texts, ["", "是", "否", "2019", "18.35", "-0.5", "2020-04-01"]);
    }

    #[test]
    fn days_late() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2020-04-20").unwrap() - day_number("2020-04-01").unwrap(), 19);
        assert_eq!(day_number("2021-03-01").unwrap() - day_number("2020-04-01").unwrap(), 334);
        assert_eq!(day_number("2020-4"), None);
        let late = Timeliness { status: TimelinessStatus::Late, deadline: Some("2020-04-01".into()), published: Some("2020-04-20".into()) };
        assert_eq!(timeliness_label(&late), "逾期 19 天");
    }

    #[test]
    fn heading_paths_follow_parents() {
        let a = crate::analyze("一、主要举措和成效\n(一)学法。全年组织培训3场次。\n二、存在的不足\n数字少。");
        assert_eq!(heading_path(&a.outline, a.metrics[0].heading.unwrap()), "一、主要举措和成效 › (一)学法");
        assert_eq!(heading_before(&a.outline, 0), Some(0));
    }
}
