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
                    let before = text.as_written(Span::new(previous_char(text.norm(), span.start), span.start)).into_owned();
                    ReviewFinding::new(FindingCode::PinyinAnnotation, Severity::Info, Message::Pinyin { word: before, found }, Some(span))
                }
            }
        })
        .collect();
    out.extend(invisible(text));
    out
}

/// Whether `s` holds a character of [`BIDI_CONTROLS`] or [`INVISIBLE`]: their UTF-8 forms are
/// C2 AD, D8 9C, E1 A0 8E, E2 80 8B–8F, E2 80 AA–AE, E2 81 A0–A4, E2 81 A6–A9 and EF BB BF.
/// Only where one of those first bytes stands, found by memchr (vectorised): C2, D8 and E1 are
/// rare in Chinese text, E2 and EF lead few of its characters (“ ” — …). A test of every byte
/// with the two after it took 5 instructions per byte.
fn may_hold_invisible(s: &str) -> bool {
    let b = s.as_bytes();
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    let pair = |x: u8, y: u8| (x == 0xC2) & (y == 0xAD) | (x == 0xD8) & (y == 0x9C);
    let triple = |x: u8, y: u8, z: u8| {
        (x == 0xE1) & (y == 0xA0) & (z == 0x8E)
            | (x == 0xE2) & (y == 0x80) & ((0x8B..=0x8F).contains(&z) | (0xAA..=0xAE).contains(&z))
            | (x == 0xE2) & (y == 0x81) & ((0xA0..=0xA4).contains(&z) | (0xA6..=0xA9).contains(&z))
            | (x == 0xEF) & (y == 0xBB) & (z == 0xBF)
    };
    let starts_one = |i: usize| pair(b[i], byte(i + 1)) | triple(b[i], byte(i + 1), byte(i + 2));
    memchr::memchr3_iter(0xC2, 0xD8, 0xE1, b).any(starts_one) || memchr::memchr2_iter(0xE2, 0xEF, b).any(starts_one)
}

fn previous_char(s: &str, pos: usize) -> usize {
    s[..pos].char_indices().next_back().map_or(pos, |(i, _)| i)
}

/// Runs of invisible characters in the text as given (a BOM that opens the text is the file's
/// own mark and is left alone).
fn invisible(text: &Text) -> Vec<ReviewFinding> {
    // Rare in real reports: a byte scan says whether there is any, before the character walk.
    // One that folding changed (U+200B, U+FEFF fold to a space) is among the folded ones.
    let is_invisible = |c: &char| BIDI_CONTROLS.contains(c) || INVISIBLE.contains(c);
    // Most folded characters are full-width punctuation, above every listed one: one
    // comparison tells them apart (their offsets are not needed).
    let highest = BIDI_CONTROLS.iter().chain(INVISIBLE).max().copied().unwrap_or('\0');
    if !may_hold_invisible(text.norm()) && !text.folded_chars().any(|c| c <= highest && is_invisible(&c)) {
        return Vec::new();
    }
    let mut runs: Vec<(Span, Vec<char>)> = Vec::new();
    for (pos, folded, c) in text.chars_as_written() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(c: char) -> bool {
        BIDI_CONTROLS.contains(&c) || INVISIBLE.contains(&c)
    }

    #[test]
    fn the_byte_scan_knows_every_character_alone() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(may_hold_invisible(&format!("字{c}")), listed(c), "U+{:04X}", c as u32);
            assert_eq!(may_hold_invisible(&format!("{c}字")), listed(c), "U+{:04X}", c as u32);
        }
    }

    /// The listed characters among their byte neighbours (“ ” — … ‍ share E2 80, full-width
    /// punctuation shares EF, · and ® share C2), at every position, the ends included.
    fn pieces() -> Vec<char> {
        let neighbours = ['a', '字', '“', '”', '—', '…', '\u{200A}', '\u{2010}', '\u{2029}', '\u{205F}', '\u{2065}', '\u{206A}', ',', '\u{FEFE}', '\u{FF01}', '·', '®', '\u{061B}', '\u{180D}'];
        // Neighbours twenty times as likely as a listed character: most texts hold none.
        let mut pieces: Vec<char> = BIDI_CONTROLS.iter().chain(INVISIBLE).copied().collect();
        pieces.extend(neighbours.iter().cycle().take(neighbours.len() * 20));
        pieces
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_byte_scan_says_what_the_character_walk_says(chars in proptest::collection::vec(proptest::sample::select(pieces()), 0..40)) {
            let s: String = chars.iter().collect();
            proptest::prop_assert_eq!(may_hold_invisible(&s), s.chars().any(listed));
        }
    }
}
