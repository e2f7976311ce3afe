//! Outline: headings (一、 (一) 1. (1) ① and inline 一是 / 第一 / 首先 …), their nesting and
//! the required part each one is.
//!
//! 1. **Candidates.** Every marker-shaped string in the body is a candidate, unless its
//!    context rules it out: inside brackets or quotes, glued to digits (`1.5万元`,
//!    `2024.3`), a list of numerals (`一、二级`), an ordinal (`第一责任人`, `第二批`),
//!    no title after it.
//! 2. **Acceptance, in order.** A marker at the start of a line is a heading when the
//!    text is laid out in lines. A marker in mid-line is a heading when it *continues a
//!    sequence* (the next number of a family open above it), or when it starts a new
//!    list right after a sentence end or a heading title and a later marker of the same
//!    family confirms the list. So a whole report pasted on one line yields the same
//!    headings as the same report in lines.
//! 3. **Nesting by the document.** The first family seen is level 1; a family met again
//!    closes everything opened under it; a family never seen before nests under the
//!    open heading (a skipped level nests correctly), unless it ranks above it by the
//!    usual order 一、 > (一) > 1. > (1) > ①. Inline enumerations nest under the heading
//!    they stand in and never open levels of their own.
//! 4. **Titles** end at 。;!?: or the line end, at the next heading, or where a run-in
//!    heading's body starts (see `vocab::headings`); at most 160 characters.
//! 5. **Unnumbered run-in headings** (`坚持民主决策。严格落实…`) where every paragraph
//!    under a heading (three or more) opens that way — laid-out text only.
//! 6. **Roles**, see [`roles`].
//!
//! Whether the text is laid out in lines is decided once: at least two non-empty lines,
//! or two markers at line starts. A whole report on one line is read by the mid-line rules
//! alone, which give the same headings on the seeds (tested).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::chrome::{date::cn_small, Page};
use crate::result::{HeadingStyle, Role};
use crate::text::{Span, Text};
use crate::vocab::headings as hv;

/// The marker family: the numbering scheme a heading belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Family {
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
    /// 一是
    Shi,
    /// 第一 第一, 第一、
    Di,
    /// 首先 其次 再次 最后
    Sequence,
    /// An unnumbered short sentence acting as a heading.
    RunIn,
}

impl Family {
    pub fn style(self) -> HeadingStyle {
        match self {
            Family::CnDun => HeadingStyle::CnDun,
            Family::CnParen => HeadingStyle::CnParen,
            Family::NumDot => HeadingStyle::NumDot,
            Family::NumParen => HeadingStyle::NumParen,
            Family::Circled => HeadingStyle::Circled,
            Family::Shi | Family::Di | Family::Sequence => HeadingStyle::Inline,
            Family::RunIn => HeadingStyle::RunIn,
        }
    }

    /// Families that open levels (inline enumerations do not).
    pub fn structural(self) -> bool {
        matches!(self, Family::CnDun | Family::CnParen | Family::NumDot | Family::NumParen | Family::Circled)
    }

    /// The usual order of levels, used only for a family the document has not placed yet.
    fn rank(self) -> u8 {
        match self {
            Family::CnDun => 0,
            Family::CnParen => 1,
            Family::NumDot => 2,
            Family::NumParen => 3,
            Family::Circled => 4,
            _ => 5,
        }
    }

    /// How this family writes the number `n` (for messages): `三是`, `(三)`, `3.` …
    pub fn render(self, n: u32) -> String {
        let cn = cn_numeral(n);
        match self {
            Family::CnDun => format!("{cn}、"),
            Family::CnParen => format!("({cn})"),
            Family::NumDot => format!("{n}."),
            Family::NumParen => format!("({n})"),
            Family::Circled => char::from_u32('①' as u32 + n.saturating_sub(1)).map_or(format!("({n})"), String::from),
            Family::Shi => format!("{cn}是"),
            Family::Di => format!("第{cn}"),
            Family::Sequence => hv::SEQUENCE_WORDS
                .iter()
                .find(|(_, k)| *k == Some(n))
                .map_or_else(|| format!("第{cn}"), |(w, _)| (*w).to_owned()),
            Family::RunIn => String::new(),
        }
    }
}

/// 1 → 一, 11 → 十一, 23 → 二十三 (1–99).
pub fn cn_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_owned(),
        1..=9 => D[n as usize].to_owned(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Marker and title.
    pub span: Span,
    pub marker: Span,
    pub title: Span,
    pub style: HeadingStyle,
    pub number: Option<u32>,
    pub level: u32,
    pub parent: Option<usize>,
    /// Required parts the title names, first one is the heading's role.
    pub sections: Vec<Role>,
    /// The numbering scheme (distinguishes 一是 from 第一 within `Inline`).
    pub family: Family,
    /// From the heading to the next heading at its level or above (or the body's end).
    pub section: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub headings: Vec<Heading>,
}

impl Outline {
    /// Index of the innermost heading whose section contains `pos`.
    pub fn heading_at(&self, pos: usize) -> Option<usize> {
        let after = self.headings.partition_point(|h| h.span.start <= pos);
        let mut k = after.checked_sub(1)?;
        loop {
            if pos < self.headings[k].section.end {
                return Some(k);
            }
            k = self.headings[k].parent?;
        }
    }
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?<dun>[一二三四五六七八九十]{1,3})、",
        r"|\((?<cparen>[一二三四五六七八九十]{1,3})\)",
        r"|(?<num>[0-9]{1,2})[.、]",
        r"|\((?<nparen>[0-9]{1,2})\)",
        r"|(?<circ>[①-⑳])",
        r"|(?<shi>[一二三四五六七八九十]{1,3})是",
        r"|第(?<di>[一二三四五六七八九十]{1,3})(?<disep>[,、])?",
        r"|(?<seq>首先|其次|再次|最后)(?<seqsep>[,、])?",
    ))
    .unwrap()
});

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Prev {
    /// Line start, 。;!?:
    Strong,
    Comma,
    /// A Chinese character: the marker would sit inside a word.
    Han,
    Other,
}

#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    /// End of the marker (incl. 、/, after 第一).
    end: usize,
    family: Family,
    number: Option<u32>,
    line_start: bool,
    prev: Prev,
    /// The text after the marker starts with a measure word (`(二)类`, `二、级`).
    ordinal_next: bool,
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn opens(c: char) -> bool {
    matches!(c, '(' | '《' | '“' | '[' | '【' | '〔' | '‘' | '{' | '「' | '『')
}

fn closes(c: char) -> bool {
    matches!(c, ')' | '》' | '”' | ']' | '】' | '〕' | '’' | '}' | '」' | '』')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n')
}

/// Every marker-shaped string in the body that its context does not rule out.
fn candidates(text: &Text, page: &Page) -> Vec<Cand> {
    let s = text.norm();
    let body = page.body;
    let hay = &s[body.range()];
    let mut out = Vec::new();
    let attachments = attachment_lists(s, body);
    // Bracket depth, tracked in one pass; reset at line and sentence ends.
    let mut depth: u32 = 0;
    let mut scanned = body.start;
    for c in MARKER.captures_iter(hay) {
        let Some(whole) = c.get(0) else { continue };
        let start = body.start + whole.start();
        let end = body.start + whole.end();
        let k = attachments.partition_point(|a| a.start <= start);
        if k > 0 && start < attachments[k - 1].end {
            continue;
        }
        for ch in s[scanned..start].chars() {
            if is_terminator(ch) {
                depth = 0;
            } else if opens(ch) {
                depth += 1;
            } else if closes(ch) {
                depth = depth.saturating_sub(1);
            }
        }
        scanned = start;
        if depth > 0 || page.is_boilerplate(start) {
            continue;
        }
        let (family, number) = if let Some(m) = c.name("dun") {
            (Family::CnDun, cn_small(m.as_str()))
        } else if let Some(m) = c.name("cparen") {
            (Family::CnParen, cn_small(m.as_str()))
        } else if let Some(m) = c.name("num") {
            (Family::NumDot, m.as_str().parse().ok())
        } else if let Some(m) = c.name("nparen") {
            (Family::NumParen, m.as_str().parse().ok())
        } else if let Some(m) = c.name("circ") {
            (Family::Circled, m.as_str().chars().next().map(|ch| ch as u32 - '①' as u32 + 1))
        } else if let Some(m) = c.name("shi") {
            (Family::Shi, cn_small(m.as_str()))
        } else if let Some(m) = c.name("di") {
            (Family::Di, cn_small(m.as_str()))
        } else if let Some(m) = c.name("seq") {
            (Family::Sequence, hv::SEQUENCE_WORDS.iter().find(|(w, _)| *w == m.as_str()).and_then(|(_, n)| *n))
        } else {
            continue;
        };
        if (number.is_none() && family != Family::Sequence) || number == Some(0) {
            continue;
        }
        let before = &s[body.start..start];
        let before_trim = before.trim_end_matches([' ', '\t']);
        let prev_char = before_trim.chars().next_back();
        let line_start = prev_char.is_none() || prev_char == Some('\n');
        let prev = match prev_char {
            None | Some('\n' | '。' | ';' | '!' | '?' | ':') => Prev::Strong,
            Some(',') => Prev::Comma,
            Some(ch) if is_han(ch) => Prev::Han,
            Some(_) => Prev::Other,
        };
        let after = &s[end..body.end];
        let next = after.trim_start_matches([' ', '\t']).chars().next();
        let Some(next) = next else { continue };
        let raw_prev = before.chars().next_back();
        let ok = match family {
            Family::CnDun => {
                !hv::NOT_AFTER_DUN.contains(&next)
                    && !matches!(raw_prev, Some('、' | '第'))
                    && title_start(next)
            }
            Family::CnParen => title_start(next) && raw_prev != Some('第'),
            Family::Circled => title_start(next),
            Family::NumDot => {
                !matches!(raw_prev, Some(ch) if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '、' | '第' | '-' | '/' | '·'))
                    && (!next.is_ascii_digit() || starts_with_year(after))
                    && title_start(next)
                    && !(whole.as_str().ends_with('、') && is_han(next) && hv::ORDINAL_WORDS.iter().any(|w| after.starts_with(w)))
            }
            Family::NumParen => {
                title_start(next) && raw_prev != Some('第') && !hv::measure_after_paren(after)
            }
            Family::Shi => {
                let punct_then_han = matches!(next, ':' | ',') && after[1..].chars().next().is_some_and(is_han);
                (title_start(next) || punct_then_han) && !raw_prev.is_some_and(|ch| hv::NOT_BEFORE_SHI.contains(&ch))
            }
            Family::Di => {
                if c.name("disep").is_some() {
                    title_start(next)
                } else {
                    is_han(next) && !hv::ORDINAL_WORDS.iter().any(|w| after.starts_with(w))
                }
            }
            Family::Sequence => c.name("seqsep").is_some() && title_start(next),
            Family::RunIn => false,
        };
        if ok {
            let ordinal_next = hv::measure_after_paren(after);
            out.push(Cand { start, end, family, number, line_start, prev, ordinal_next });
        }
    }
    out
}

/// The list of attachments at a report's end (`附件:1.…` and the numbered lines under it):
/// its numbers are not headings.
fn attachment_lists(s: &str, body: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    let mut offset = body.start;
    for line in s[body.range()].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let t = line.trim();
        let span = Span::new(start, start + line.len());
        if t.starts_with(hv::ATTACHMENT) && t.chars().nth(2).is_some_and(|c| c == ':' || c.is_ascii_digit() || c == ' ') {
            open = true;
            out.push(span);
        } else if open && t.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
            if let Some(last) = out.last_mut() {
                last.end = span.end;
            }
        } else if !t.is_empty() {
            open = false;
        }
    }
    out
}

/// `2023年…` right after a marker is a title starting with a year, not a decimal.
fn starts_with_year(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && after[4..].starts_with('年')
}

/// A heading title may start with this character.
fn title_start(c: char) -> bool {
    is_han(c) || c.is_ascii_digit() || matches!(c, '“' | '《' | '"' | '‘' | '【' | '「') || c.is_ascii_alphabetic()
}

struct Accepted {
    cand: usize,
    level: u32,
    parent: Option<usize>,
}

pub fn parse(text: &Text, page: &Page) -> Outline {
    let s = text.norm();
    let cands = candidates(text, page);
    // Laid out in lines (a marker at a line start is then a heading), or run together.
    let lines = s[page.body.range()].lines().filter(|l| !l.trim().is_empty()).take(3).count();
    // A marker at a line start is a heading whenever the text has lines at all; mid-line
    // markers must continue their list after a sentence end once the document shows that
    // it puts its headings at line starts (two or more do).
    let line_mode = lines >= 2;
    let laid_out = cands.iter().filter(|c| c.line_start && c.family.structural()).count() >= 2;

    let mut acc: Vec<Accepted> = Vec::new();
    // Open structural headings (indices into `acc`), outermost first.
    let mut stack: Vec<usize> = Vec::new();
    // Structural families in the nesting order this document has shown.
    let mut order: Vec<Family> = Vec::new();
    // Last number of each inline family under each parent.
    let mut inline_last: HashMap<(Option<usize>, Family), u32> = HashMap::new();
    let mut last_marker_end: Option<usize> = None;

    for (i, c) in cands.iter().enumerate() {
        // A marker directly followed by another marker is debris (`4.三是`).
        if let Some(next) = cands.get(i + 1) {
            if next.start >= c.end && s[c.end..next.start].trim().is_empty() {
                continue;
            }
        }
        // Right after a heading's marker, before any sentence end: ends that heading's title.
        let in_title = last_marker_end.is_some_and(|e| {
            c.start >= e && c.start - e <= 200 && s[e..c.start].chars().count() <= 50 && !s[e..c.start].contains(is_terminator)
        });
        let fam = c.family;
        let n = c.number;
        let accept = if fam.structural() {
            let Some(n) = n else { continue };
            let open = stack.iter().rposition(|&h| cands[acc[h].cand].family == fam);
            if line_mode && c.line_start {
                true
            } else if let Some(k) = open {
                let m = cands[acc[stack[k]].cand].number.unwrap_or(0);
                if n == m + 1 {
                    (!laid_out && (c.prev != Prev::Han || !c.ordinal_next)) || c.prev == Prev::Strong || in_title
                } else if n == m + 2 || n == m {
                    c.prev == Prev::Strong
                } else {
                    false
                }
            } else if n == 1 {
                // A new list: after a sentence end, or run into a heading's title when a
                // later marker confirms it or the document already nests this family there.
                let known_child = stack.last().is_some_and(|&top| {
                    let top_fam = cands[acc[top].cand].family;
                    let p = order.iter().position(|&f| f == top_fam);
                    (p.is_some() && order.iter().position(|&f| f == fam) == p.map(|p| p + 1))
                        || (!order.contains(&fam) && fam.rank() > top_fam.rank())
                });
                c.prev == Prev::Strong || (in_title && (known_child || confirmed(&cands, i, &stack, &acc)))
            } else {
                false
            }
        } else {
            let parent = stack.last().copied();
            let last = inline_last.get(&(parent, fam)).copied();
            let start_ok = matches!(c.prev, Prev::Strong | Prev::Comma) || in_title;
            match (n, last) {
                (Some(1), _) => start_ok && (fam == Family::Shi || confirmed(&cands, i, &stack, &acc)),
                (Some(n), Some(m)) if n == m + 1 => c.prev != Prev::Han || in_title,
                (Some(n), Some(m)) if n == m + 2 || n <= m => c.prev == Prev::Strong || in_title,
                (None, Some(_)) => c.prev == Prev::Strong,
                (Some(_), None) => line_mode && c.line_start && fam == Family::Shi,
                _ => false,
            }
        };
        if !accept {
            continue;
        }
        let idx = acc.len();
        if fam.structural() {
            if let Some(k) = stack.iter().rposition(|&h| cands[acc[h].cand].family == fam) {
                stack.truncate(k);
            } else if let Some(pos) = order.iter().position(|&f| f == fam) {
                while let Some(&top) = stack.last() {
                    let top_fam = cands[acc[top].cand].family;
                    if order.iter().position(|&f| f == top_fam).is_some_and(|p| p >= pos) {
                        stack.pop();
                    } else {
                        break;
                    }
                }
            } else {
                while let Some(&top) = stack.last() {
                    if cands[acc[top].cand].family.rank() > fam.rank() {
                        stack.pop();
                    } else {
                        break;
                    }
                }
                let at = stack
                    .last()
                    .and_then(|&top| order.iter().position(|&f| f == cands[acc[top].cand].family))
                    .map_or(0, |p| p + 1);
                order.insert(at.min(order.len()), fam);
            }
            let parent = stack.last().copied();
            acc.push(Accepted { cand: i, level: stack.len() as u32 + 1, parent });
            stack.push(idx);
        } else {
            let parent = stack.last().copied();
            let level = parent.map_or(1, |p| acc[p].level + 1);
            let prev_n = inline_last.get(&(parent, fam)).copied().unwrap_or(0);
            inline_last.insert((parent, fam), n.unwrap_or(prev_n + 1));
            acc.push(Accepted { cand: i, level, parent });
        }
        last_marker_end = Some(c.end);
    }

    // Titles, spans, sections.
    let mut headings: Vec<Heading> = Vec::with_capacity(acc.len());
    for (k, a) in acc.iter().enumerate() {
        let c = &cands[a.cand];
        let limit = acc.get(k + 1).map_or(page.body.end, |n| cands[n.cand].start);
        let title = title_span(s, c.end, limit);
        let marker = Span::new(c.start, c.end);
        headings.push(Heading {
            span: Span::new(c.start, title.end.max(c.end)),
            marker,
            title,
            style: c.family.style(),
            number: c.number,
            level: a.level,
            parent: a.parent,
            sections: Vec::new(),
            family: c.family,
            section: Span::new(c.start, page.body.end),
        });
    }
    set_sections(&mut headings, page.body.end);
    if line_mode {
        let run_in = run_in_headings(s, page, &headings);
        if !run_in.is_empty() {
            headings = merge(headings, run_in);
            set_sections(&mut headings, page.body.end);
        }
    }
    roles(text, &mut headings);
    Outline { headings }
}

/// Unnumbered run-in headings: where every paragraph directly under a heading (at least
/// three of them) opens with a short sentence — `坚持民主决策。严格落实…` — those sentences
/// act as headings. One paragraph that does not fit means the document does not use the
/// pattern there, and none is taken.
fn run_in_headings(s: &str, page: &Page, headings: &[Heading]) -> Vec<(Heading, Option<usize>)> {
    let outline = Outline { headings: headings.to_vec() };
    let skip = [page.title, page.recipient, page.closing, page.signature];
    // Paragraphs by the structural heading they stand under: (title span, fits).
    let mut groups: HashMap<Option<usize>, Vec<(Span, bool)>> = HashMap::new();
    let mut order: Vec<Option<usize>> = Vec::new();
    let mut offset = page.body.start;
    for line in s[page.body.range()].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end();
        let lead = text.len() - text.trim_start().len();
        let para = Span::new(start + lead, start + text.len());
        if para.is_empty() || page.is_boilerplate(para.start) || skip.iter().flatten().any(|sp| sp.overlaps(para)) {
            continue;
        }
        // Paragraphs that are headings, or continue an inline item, are not candidates.
        let at = outline.heading_at(para.start);
        let next = headings.partition_point(|h| h.marker.start < para.start);
        if headings.get(next).is_some_and(|h| h.marker.start <= para.start + 8) {
            continue;
        }
        if at.is_some_and(|k| !headings[k].family.structural()) {
            continue;
        }
        let body = &s[para.range()];
        let fits = body.find('。').and_then(|i| {
            let sentence = &body[..i];
            let n = sentence.chars().count();
            let commas = sentence.matches(',').count();
            let rest = body[i + '。'.len_utf8()..].chars().count();
            ((4..=20).contains(&n)
                && commas <= 1
                && rest >= 10
                && !sentence.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | ';' | '“' | '《' | '(')))
            .then(|| Span::new(para.start, para.start + i))
        });
        if !groups.contains_key(&at) {
            order.push(at);
        }
        groups.entry(at).or_default().push((fits.unwrap_or(para), fits.is_some()));
    }
    let mut out = Vec::new();
    for parent in order {
        let paras = &groups[&parent];
        if paras.len() >= 3 && paras.iter().all(|(_, fits)| *fits) {
            let level = parent.map_or(1, |p| headings[p].level + 1);
            for &(title, _) in paras {
                let heading = Heading {
                    span: title,
                    marker: Span::new(title.start, title.start),
                    title,
                    style: HeadingStyle::RunIn,
                    number: None,
                    level,
                    parent,
                    sections: Vec::new(),
                    family: Family::RunIn,
                    section: title,
                };
                out.push((heading, parent));
            }
        }
    }
    out
}

/// Run-in headings merged into the outline in document order, parents renumbered.
fn merge(headings: Vec<Heading>, run_in: Vec<(Heading, Option<usize>)>) -> Vec<Heading> {
    let mut all: Vec<(usize, Heading, Option<usize>)> = headings
        .into_iter()
        .enumerate()
        .map(|(i, h)| (i, h.clone(), h.parent))
        .chain(run_in.into_iter().map(|(h, p)| (usize::MAX, h, p)))
        .collect();
    all.sort_by_key(|(_, h, _)| h.span.start);
    let mut new_index = HashMap::new();
    for (k, (old, _, _)) in all.iter().enumerate() {
        if *old != usize::MAX {
            new_index.insert(*old, k);
        }
    }
    all.into_iter()
        .map(|(_, mut h, p)| {
            h.parent = p.and_then(|p| new_index.get(&p).copied());
            h
        })
        .collect()
}

/// A later marker of the same family with number 2 or 3 confirms a list that starts
/// mid-line; looking stops where the enclosing heading's section evidently ends.
fn confirmed(cands: &[Cand], i: usize, stack: &[usize], acc: &[Accepted]) -> bool {
    let c = &cands[i];
    let open: Vec<Family> = stack.iter().map(|&h| cands[acc[h].cand].family).collect();
    for d in cands.iter().skip(i + 1).take(400) {
        if d.start - c.start > 20_000 {
            break;
        }
        if d.family == c.family {
            if matches!(d.number, Some(2 | 3)) {
                return true;
            }
            if d.number == Some(1) {
                return false;
            }
        } else if d.family.structural() && (open.contains(&d.family) || (c.family.structural() && d.family.rank() < c.family.rank())) && (d.line_start || d.prev == Prev::Strong) {
            return false;
        }
    }
    false
}

/// Longest title kept (text without any 。 or line break after a marker is not all title).
const MAX_TITLE_CHARS: usize = 160;

/// The title after a marker: to 。;!?: or the line end or `limit`, or where a run-in body starts.
fn title_span(s: &str, marker_end: usize, limit: usize) -> Span {
    let limit = limit.max(marker_end);
    let rest = &s[marker_end..limit];
    let t0 = marker_end + (rest.len() - rest.trim_start_matches([' ', '\t', ':', ',']).len());
    let seg = &s[t0..limit];
    // A colon closes a heading as well (`(一)加强学习:组织…`).
    let mut cand_end = t0 + seg.find(|c: char| is_terminator(c) || c == ':').unwrap_or(seg.len());
    // A title is a line at most: text that runs on without any stop is cut.
    if let Some((i, _)) = s[t0..cand_end].char_indices().nth(MAX_TITLE_CHARS) {
        cand_end = t0 + i;
    }
    let end = run_in_end(s, t0, cand_end);
    let title = s[t0..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ','));
    Span::new(t0, t0 + title.len())
}

/// Where the body of a run-in heading starts within `t0..end`, or `end`.
fn run_in_end(s: &str, t0: usize, end: usize) -> usize {
    let seg = &s[t0..end];
    let total = seg.chars().count();
    let mut depth = 0u32;
    for (k, (i, c)) in seg.char_indices().enumerate() {
        if k > hv::MAX_RUN_IN_CHARS {
            break;
        }
        if depth == 0 && matches!(c, ',' | ':' | ';') {
            break;
        }
        if depth == 0 && k >= hv::MIN_TITLE_CHARS && total - k >= hv::MIN_BODY_CHARS {
            let rest = &seg[i..];
            // A space between title and body (line breaks pasted as spaces).
            if c == ' ' && rest.trim_start().chars().next().is_some_and(|n| is_han(n) || n.is_ascii_digit()) {
                return t0 + i;
            }
            if hv::BODY_START_WORDS.iter().any(|w| rest.starts_with(w) && rest[w.len()..].chars().next().is_some_and(is_han)) {
                return t0 + i;
            }
            if (is_han(c) || c.is_ascii_alphanumeric() || opens(c))
                && !hv::CONTINUATION.contains(&c)
                && hv::TITLE_FINAL_WORDS.iter().any(|w| seg[..i].ends_with(w))
            {
                return t0 + i;
            }
        }
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        }
    }
    end
}

/// Each heading's section runs to the next heading at its level or above.
fn set_sections(headings: &mut [Heading], body_end: usize) {
    let mut open: Vec<usize> = Vec::new();
    for j in 0..headings.len() {
        let (level, start) = (headings[j].level, headings[j].span.start);
        while let Some(&top) = open.last() {
            if headings[top].level >= level {
                headings[top].section.end = start;
                open.pop();
            } else {
                break;
            }
        }
        open.push(j);
    }
    for k in open {
        headings[k].section.end = body_end;
    }
}

/// Roles mark the headings that divide the report into its required parts:
///
/// - a level-1 structural heading takes the parts its title names (`存在的问题及下一步打算`
///   → problems, plans);
/// - a deeper structural heading takes a part only if its parent has it too
///   (`二、存在的问题和下一步打算` → `(一)存在的问题`): a `一是…问题…` inside a measures
///   section, or an inline item, is not the problems *part*;
/// - except the duty part, whose keywords (`第一责任人`, `主要负责人履行`) are specific and
///   which reports often place as a level-2 section of their work (`(五)党政主要负责人
///   履行推进法治建设第一责任人职责情况`);
/// - where the report names no measures part but sets out its work under topical level-1
///   headings before the problems/plans/duty part, those headings are its measures part.
fn roles(text: &Text, headings: &mut [Heading]) {
    for k in 0..headings.len() {
        let h = &headings[k];
        if h.family != Family::RunIn && !h.family.structural() {
            continue;
        }
        let named = crate::vocab::roles_in(text.get(h.title));
        let sections = match h.parent {
            None if h.level == 1 => named,
            // The duty part is often a sub-section of the work done; its keywords are specific.
            Some(p) => named
                .into_iter()
                .filter(|r| headings[p].sections.contains(r) || (*r == Role::Duty && h.level <= 2))
                .collect(),
            None => Vec::new(),
        };
        headings[k].sections = sections;
    }
    let has_measures = headings.iter().any(|h| h.sections.contains(&Role::Measures));
    let first_part = headings.iter().position(|h| h.level == 1 && !h.sections.is_empty());
    if let (false, Some(first)) = (has_measures, first_part) {
        for h in headings[..first].iter_mut().filter(|h| h.level == 1 && h.family.structural()) {
            h.sections.push(Role::Measures);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::read_page;

    fn outline(s: &str) -> (Text<'_>, Outline) {
        let text = Text::new(s);
        let page = read_page(&text);
        let outline = parse(&text, &page);
        (text, outline)
    }

    #[test]
    fn heading_at_is_the_innermost_open_section() {
        let s = "报告如下。\n一、主要工作\n(一)学法。内容甲。一是集中学。内容乙。\n(二)执法。内容丙。\n二、下一步计划\n内容丁。";
        let (text, o) = outline(s);
        let titles: Vec<&str> = o.headings.iter().map(|h| text.get(h.title)).collect();
        assert_eq!(titles, ["主要工作", "学法", "集中学", "执法", "下一步计划"]);
        let at = |needle: &str| o.heading_at(s.find(needle).unwrap()).map(|k| titles[k]);
        assert_eq!(at("报告如下"), None);
        assert_eq!(at("内容甲"), Some("学法"));
        assert_eq!(at("内容乙"), Some("集中学"));
        assert_eq!(at("内容丙"), Some("执法"));
        assert_eq!(at("内容丁"), Some("下一步计划"));
        // Sections nest: the parent's section covers its children.
        let parent = &o.headings[0];
        assert!(o.headings[1..4].iter().all(|h| parent.section.contains(h.section)));
        assert_eq!(o.headings[4].section.end, text.norm().len());
    }

    #[test]
    fn render_and_numerals() {
        assert_eq!(cn_numeral(11), "十一");
        assert_eq!(cn_numeral(20), "二十");
        assert_eq!(cn_numeral(23), "二十三");
        assert_eq!(Family::Shi.render(2), "二是");
        assert_eq!(Family::CnParen.render(3), "(三)");
        assert_eq!(Family::Circled.render(2), "②");
        assert_eq!(Family::Di.render(4), "第四");
        assert_eq!(Family::Sequence.render(2), "其次");
    }
}
