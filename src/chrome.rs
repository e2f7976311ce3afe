//! Page chrome and meta: what the web page wrapped around the report (menus, metadata
//! blocks, footers) is set aside, and what the document says about itself is read.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::result::{BoilerplateKind, Period};
use crate::text::{self, Span, Text};

/// The page around the report, and the report's body.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub body: Span,
    pub boilerplate: Vec<(BoilerplateKind, Span)>,
    pub meta: PageMeta,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub report_year: Option<i32>,
    pub period: Option<Period>,
    pub published: Option<Date>,
    pub fields: Vec<Field>,
}

/// A raw key–value line of the page's metadata (索引号, 发文单位 …).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub span: Span,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

static FIELD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(索\s*引\s*号|发文单位|发文日期|发布时间|发布日期|成文日期|信息来源|来源|文\s*号|发文字号)\s*:\s*(\S[^|]*?)?\s*$").unwrap()
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{1,2})-(\d{1,2})").unwrap());

pub fn read_page(text: &Text) -> Page {
    let s = text.norm();
    let mut meta = PageMeta::default();
    for line in text::lines(s) {
        if let Some(c) = FIELD_LINE.captures(&s[line.range()]) {
            let name: String = c[1].split_whitespace().collect();
            let value = c.get(2).map_or("", |m| m.as_str()).to_owned();
            if name.contains("日期") || name.contains("时间") {
                if let Some(d) = ISO_DATE.captures(&value) {
                    meta.published = Some(Date { year: d[1].parse().unwrap_or(0), month: d[2].parse().unwrap_or(0), day: d[3].parse().unwrap_or(0) });
                }
            }
            meta.fields.push(Field { name, value, span: line });
        }
    }
    Page { body: text::trim(s, Span::new(0, s.len())), boilerplate: Vec::new(), meta }
}
