//! What came along with the pasted text: `injected-text` (a site's watermark or a URL glued
//! into a sentence), `pinyin-annotation` (`監督(dū)`) — both found by `crate::artifacts` and
//! already blanked for every other stage — and `invisible-characters` (issue 15): bidi
//! controls, which reorder what is displayed (`12件` shown as `件21`), and zero-width format
//! characters, one finding per run with its span.

use crate::chrome::Page;
use crate::artifacts::Artifact;
use crate::result::{FindingCode, Severity};
use crate::text::{Span, Text};
use crate::vocab::artifacts::{BIDI_CONTROLS, INVISIBLE};
use crate::vocab::messages::Message;

use super::ReviewFinding;

pub fn check(text: &Text, page: &Page) -> Vec<ReviewFinding> {
    let mut out: Vec<ReviewFinding> = text
        .artifacts()
        .iter()
        .filter(|(_, span)| !super::in_chrome(page, *span))
        .map(|&(kind, span)| {
            let found = text.as_written(span).trim().to_owned();
            match kind {
                Artifact::Watermark => ReviewFinding::new(FindingCode::InjectedText, Severity::Warning, Message::Watermark { found }, Some(span)),
                Artifact::Url => ReviewFinding::new(FindingCode::InjectedText, Severity::Warning, Message::InjectedUrl { found }, Some(span)),
                Artifact::Pinyin => {
                    let before = text.as_written(Span::new(previous_char(text.norm(), span.start), span.start)).to_owned();
                    ReviewFinding::new(FindingCode::PinyinAnnotation, Severity::Info, Message::Pinyin { word: before, found }, Some(span))
                }
            }
        })
        .collect();
    out.extend(invisible(text));
    out
}

fn previous_char(s: &str, pos: usize) -> usize {
    s[..pos].char_indices().next_back().map_or(pos, |(i, _)| i)
}

/// Runs of invisible characters in the text as given (a BOM that opens the text is the file's
/// own mark and is left alone). Folding is one character for one, so the i-th character of
/// the original is the i-th of `norm`.
fn invisible(text: &Text) -> Vec<ReviewFinding> {
    let mut runs: Vec<(Span, Vec<char>)> = Vec::new();
    for ((pos, folded), c) in text.norm().char_indices().zip(text.original().chars()) {
        let bidi = BIDI_CONTROLS.contains(&c);
        if !(bidi || INVISIBLE.contains(&c)) || (pos == 0 && c == '\u{FEFF}') {
            continue;
        }
        let span = Span::new(pos, pos + folded.len_utf8());
        match runs.last_mut() {
            Some((run, chars)) if run.end == span.start => {
                run.end = span.end;
                chars.push(c);
            }
            _ => runs.push((span, vec![c])),
        }
    }
    runs.into_iter()
        .map(|(span, chars)| {
            let mut names: Vec<String> = chars.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
            names.dedup();
            let (count, names) = (chars.len(), names.join(" "));
            if chars.iter().any(|c| BIDI_CONTROLS.contains(c)) {
                ReviewFinding::new(FindingCode::InvisibleCharacters, Severity::Warning, Message::BidiControls { count, names }, Some(span))
            } else {
                ReviewFinding::new(FindingCode::InvisibleCharacters, Severity::Info, Message::InvisibleFormat { count, names }, Some(span))
            }
        })
        .collect()
}
