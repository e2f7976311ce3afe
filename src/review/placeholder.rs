//! `placeholder`: template placeholders left in the text (XX县, ××局, 开展*次, x名, 【】).
//! Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.

use std::sync::LazyLock;

use regex::Regex;

use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::messages::Message;
use crate::vocab::review::{PLACEHOLDER_RUNS_PATTERN, PLACEHOLDER_UNITS};

use super::{Capped, ReviewFinding};

static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(PLACEHOLDER_RUNS_PATTERN).unwrap());
static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = PLACEHOLDER_UNITS.to_vec();
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    let units: Vec<String> = units.iter().map(|u| regex::escape(u)).collect();
    Regex::new(&format!(r"[Xx×*](?:{})", units.join("|"))).unwrap()
});

/// Placeholders of every paragraph into `out`. The runs (`XX`, `××`) win over the single
/// marks they overlap (`X件` inside `XX件`); both lists come in reading order, so one walk
/// pairs them, holding nothing per finding (issue 15).
pub fn check(text: &Text, paragraphs: &[Span], out: &mut Capped) {
    let s = text.norm();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '*' || c == '.');
    let report = |out: &mut Capped, span: Span, found: &str| {
        out.push(ReviewFinding::new(FindingCode::Placeholder, Severity::Error, Message::Placeholder { found: found.to_owned() }, Some(span)));
    };
    for &p in paragraphs {
        let slice = &s[p.range()];
        // Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.
        let real = |m: &regex::Match| {
            let span = Span::from(*m).offset(p.start);
            !(latin(s[..span.start].chars().next_back()) || (m.as_str().ends_with(['X', 'x']) && latin(s[span.end..].chars().next())))
        };
        let mut runs = RUN.find_iter(slice).filter(real).peekable();
        let mut run_end = 0;
        for single in SINGLE.find_iter(slice).filter(real) {
            while let Some(run) = runs.next_if(|r| r.start() < single.end()) {
                report(out, Span::from(run).offset(p.start), run.as_str());
                run_end = run.end();
            }
            if run_end <= single.start() {
                report(out, Span::from(single).offset(p.start), single.as_str());
            }
        }
        for run in runs {
            report(out, Span::from(run).offset(p.start), run.as_str());
        }
    }
}
