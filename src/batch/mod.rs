//! Beyond one report: a batch's results read together.
//!
//! - [`compare`] — two reports side by side (figures matched by indicator, unit, category);
//! - [`recycled`] — passages repeated from another report of the batch, or a template
//!   shared by many, found by MinHash with locality-sensitive hashing.
//!
//! These read finished [`Analysis`] results (UTF-16 offsets) and the texts they came from;
//! [`link`] adds the cross-report findings to each result of a batch.

pub mod compare;
pub mod recycled;

use crate::result::{Analysis, Finding, FindingCode, Severity};
use crate::vocab::messages::{Message, LIST_SEPARATOR};

pub use recycled::Doc;

/// Add the cross-report findings (`recycled-text`) to each result of a batch, keeping each
/// result's findings in reading order with ids equal to their indexes. `files[i]` names
/// `texts[i]`, whose result is `results[i]`.
pub fn link(files: &[&str], texts: &[&str], results: &mut [Analysis]) {
    assert!(files.len() == texts.len() && texts.len() == results.len(), "one file name and text per result");
    let passages = {
        let docs: Vec<Doc> =
            (0..results.len()).map(|i| Doc { file: files[i], text: texts[i], analysis: &results[i] }).collect();
        recycled::find(&docs)
    };
    for p in passages {
        let result = &mut results[p.doc];
        let (message, message_en, params) = recycled_message(&p).rendered();
        result.findings.push(Finding {
            id: 0,
            code: FindingCode::RecycledText,
            severity: Severity::Warning,
            message,
            message_en,
            params,
            start: Some(p.range.start),
            end: Some(p.range.end),
            related: Vec::new(),
            sources: p.sources,
        });
    }
    for result in results.iter_mut() {
        // The same order as the single-report findings: whole-document first, then reading order.
        crate::sort::stable_by_key(&mut result.findings, |f| (f.start.map(|s| (s, f.end)), f.code));
        for (id, f) in result.findings.iter_mut().enumerate() {
            f.id = id;
        }
        result.stats.findings = result.findings.len();
    }
}

fn recycled_message(p: &recycled::Passage) -> Message {
    let share = (p.section_share * 100.0).round() as i64;
    match p.sources.as_slice() {
        [one] => match p.section.as_deref() {
            Some(t) => Message::RecycledFromOne { file: one.file.clone(), section: snippet(t, 20), share },
            None => Message::RecycledFromOneBody { file: one.file.clone(), share },
        },
        many => {
            let files = many.iter().map(|s| s.file.as_str()).take(5).collect::<Vec<&str>>().join(LIST_SEPARATOR);
            if many.len() > 5 {
                Message::RecycledTemplateMore { count: many.len(), files }
            } else {
                Message::RecycledTemplate { count: many.len(), files }
            }
        }
    }
}

/// The first `max` characters of `s`, with an ellipsis when cut.
fn snippet(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}
