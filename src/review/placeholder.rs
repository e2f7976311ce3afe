//! `placeholder`: template placeholders left in the text (XX县, ××局, 开展*次, x名, 【】).
//! Latin words (XXL, Xbox) and products (7×24小时) are not placeholders.

use std::sync::LazyLock;

use regex::Regex;

use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::messages::Message;
use crate::vocab::review::{PLACEHOLDER_RUNS_PATTERN, PLACEHOLDER_UNITS};

use super::{ReviewFinding, Taken};

static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(PLACEHOLDER_RUNS_PATTERN).unwrap());
static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    let mut units: Vec<&str> = PLACEHOLDER_UNITS.to_vec();
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    let units: Vec<String> = units.iter().map(|u| regex::escape(u)).collect();
    Regex::new(&format!(r"[Xx×*](?:{})", units.join("|"))).unwrap()
});

pub fn check(text: &Text, paragraphs: &[Span]) -> Vec<ReviewFinding> {
    let s = text.norm();
    let mut out: Vec<ReviewFinding> = Vec::new();
    let mut taken = Taken::default();
    for &p in paragraphs {
        let slice = &s[p.range()];
        let hits = RUN.find_iter(slice).chain(SINGLE.find_iter(slice));
        for m in hits {
            let span = Span::from(m).offset(p.start);
            let before = s[..span.start].chars().next_back();
            let after = s[span.end..].chars().next();
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '*' || c == '.');
            if latin(before) || (m.as_str().ends_with(['X', 'x']) && latin(after)) {
                continue;
            }
            if !taken.take(span) {
                continue;
            }
            out.push(ReviewFinding::new(
                FindingCode::Placeholder,
                Severity::Error,
                Message::Placeholder { found: m.as_str().to_owned() },
                Some(span),
            ));
        }
    }
    out
}
