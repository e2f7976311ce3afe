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

use std::sync::LazyLock;

use crate::chrome::Page;
use crate::result::{BoilerplateKind, Role};
use crate::text::{Span, Text};
use crate::scan::Starts;
use crate::vocab::chars::{closes, is_han, is_terminator, opens, CLOSING, OPENING, TERMINATORS};
use crate::vocab::headings as hv;
use crate::vocab::markers;
use crate::vocab::regulation;

pub use crate::vocab::markers::Family;

/// A heading as the outline stage finds it (the result's `Heading` is built from it in `encode`).
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineHeading {
    /// Marker and title.
    pub span: Span,
    pub marker: Span,
    pub title: Span,
    pub number: Option<u32>,
    pub level: u32,
    pub parent: Option<usize>,
    /// Required parts the title names; the first one is the heading's role.
    pub parts: Vec<Role>,
    /// The numbering scheme (its style, and 一是 told from 第一 within `Inline`).
    pub family: Family,
    /// What the heading covers: from it to the next heading at its level or above (or the body's end).
    pub scope: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub headings: Vec<OutlineHeading>,
    /// The headings beyond the budget ([`heading_budget`]), when the text has more.
    pub omitted: Option<OmittedHeadings>,
}

/// Headings found but not listed: how many, and the marker of the first of them. The outline
/// (and every heading's scope) ends where the first of them starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OmittedHeadings {
    pub first: Span,
    pub count: usize,
}

/// At most one heading is listed per this many bytes of the body (plus [`HEADINGS_ALWAYS`]).
/// A heading is ~370 bytes of memory while the result is made (the outline's and the
/// result's with its marker and title), so a text of nothing but tiny headings (`一、工作\n`,
/// one per 13 bytes) would otherwise hold ~27 × its size (issue 15), and one per 48 bytes ~8 ×. Real reports have one heading per 200–400
/// bytes, and even a table of contents one per 20–40 over a few hundred lines, under the
/// headings always listed.
pub const BYTES_PER_HEADING: usize = 48;

/// Headings always listed, whatever the text's size.
pub const HEADINGS_ALWAYS: usize = 500;

/// How many headings a body of `bytes` lists at most.
pub fn heading_budget(bytes: usize) -> usize {
    HEADINGS_ALWAYS + bytes / BYTES_PER_HEADING
}

impl Outline {
    /// Index of the innermost heading whose scope contains `pos`.
    pub fn heading_at(&self, pos: usize) -> Option<usize> {
        heading_at(&self.headings, pos)
    }
}

fn heading_at(headings: &[OutlineHeading], pos: usize) -> Option<usize> {
    innermost_open(headings, headings.partition_point(|h| h.span.start <= pos), pos)
}

/// [`heading_at`] given `after`, the number of headings that start at or before `pos`.
fn innermost_open(headings: &[OutlineHeading], after: usize, pos: usize) -> Option<usize> {
    let mut k = after.checked_sub(1)?;
    loop {
        if pos < headings[k].scope.end {
            return Some(k);
        }
        k = headings[k].parent?;
    }
}

/// Keeps the first `budget` of `items` (in reading order, so every parent is kept before its
/// children) and says what was left out; `marker` gives an item's marker.
fn keep_within<T>(items: &mut Vec<T>, budget: usize, marker: impl Fn(&T) -> Span) -> Option<OmittedHeadings> {
    let first = marker(items.get(budget)?);
    let count = items.len() - budget;
    items.truncate(budget);
    items.shrink_to_fit();
    Some(OmittedHeadings { first, count })
}

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
    /// At a line start, but after a long line left mid-sentence (`推\n3、进依法`): a heading
    /// only if it continues its list.
    glued: bool,
    prev: Prev,
    /// The text after the marker starts with a measure word (`(二)类`, `二、级`).
    ordinal_next: bool,
}

/// Every marker-shaped string in the body that its context does not rule out; read from where
/// their start characters stand when the folding walk noted it (`Text::take_marker_starts`).
fn candidates(text: &Text, page: &Page, marker_starts: Option<&[u32]>) -> Vec<Cand> {
    let s = text.norm();
    let body = page.body;
    let attachments = attachment_lists(s, body);
    let mut brackets = BracketDepth { depth: 0, scanned: body.start };
    let mut in_chrome = InChrome::of(page);
    let mut out = Vec::new();
    let body_text = &s[body.range()];
    let mut noted = marker_starts.map(|noted| markers::starts_noted(body_text, body.start, noted));
    let mut walked = noted.is_none().then(|| markers::starts_in(body_text));
    let next_start = || match (&mut noted, &mut walked) {
        (Some(noted), _) => noted.next(),
        (_, Some(walked)) => walked.next(),
        _ => None,
    };
    for m in markers::scan_from(body_text, next_start) {
        let (start, end) = (body.start + m.whole.start, body.start + m.whole.end);
        if in_any(&attachments, start) || brackets.at(s, start) > 0 || in_chrome.at(start) {
            continue;
        }
        let Some(markers::Read { family, number, separated }) = markers::read(body_text, &m) else { continue };
        let before = &s[body.start..start];
        let after = &s[end..body.end];
        let Some(next) = after.trim_start_matches([' ', '\t']).chars().next() else { continue };
        if !fits_context(family, &s[start..end], separated, before.chars().next_back(), next, after) {
            continue;
        }
        let place = Placement::of(before, family, number);
        let ordinal_next = hv::measure_after_paren(after);
        out.push(Cand { start, end, family, number, line_start: place.line_start, glued: place.glued, prev: place.prev, ordinal_next });
    }
    out
}

/// [`Page::is_boilerplate`] asked at increasing positions: a cursor over the page's chrome
/// (in document order, not overlapping) instead of a binary search per position.
struct InChrome<'a> {
    spans: &'a [(BoilerplateKind, Span)],
    k: usize,
}

impl<'a> InChrome<'a> {
    fn of(page: &'a Page) -> Self {
        InChrome { spans: &page.boilerplate, k: 0 }
    }

    /// Whether `pos` (not before the last position asked) lies in the page's chrome.
    fn at(&mut self, pos: usize) -> bool {
        while self.spans.get(self.k).is_some_and(|(_, sp)| sp.end <= pos) {
            self.k += 1;
        }
        self.spans.get(self.k).is_some_and(|(_, sp)| sp.start <= pos)
    }
}

/// Whether `pos` lies in one of `spans` (sorted, not overlapping).
fn in_any(spans: &[Span], pos: usize) -> bool {
    let k = spans.partition_point(|a| a.start <= pos);
    k > 0 && pos < spans[k - 1].end
}

/// Bracket depth at increasing positions, counted in one pass; reset at line and sentence ends.
struct BracketDepth {
    depth: u32,
    scanned: usize,
}

impl BracketDepth {
    /// The depth at `pos` (not before the last position asked).
    fn at(&mut self, s: &str, pos: usize) -> u32 {
        // Only brackets and sentence ends change the depth: the walk passes over the rest.
        static MOVES_DEPTH: LazyLock<Starts> =
            LazyLock::new(|| Starts::of(TERMINATORS.iter().chain(OPENING).chain(CLOSING).copied()));
        // A sentence end resets the depth: only what follows the last one before `pos` counts,
        // found from `pos` backwards (most markers stand right after one), so the text between
        // two markers is walked only from there.
        if let Some(gap) = s.get(self.scanned..pos) {
            if let Some((i, end)) = gap.char_indices().rev().find(|&(_, c)| is_terminator(c)) {
                self.depth = 0;
                self.scanned += i + end.len_utf8();
            }
        }
        for (_, ch) in MOVES_DEPTH.within(s, self.scanned, pos) {
            if is_terminator(ch) {
                self.depth = 0;
            } else if opens(ch) {
                self.depth += 1;
            } else if closes(ch) {
                self.depth = self.depth.saturating_sub(1);
            }
        }
        self.scanned = pos;
        self.depth
    }
}

/// Where a marker stands in its line and sentence, read from the text `before` it.
struct Placement {
    line_start: bool,
    glued: bool,
    prev: Prev,
}

impl Placement {
    fn of(before: &str, family: Family, number: Option<u32>) -> Placement {
        let before_trim = before.trim_end_matches([' ', '\t']);
        let prev_char = before_trim.chars().next_back();
        let line_start = prev_char.is_none() || prev_char == Some('\n');
        // `推\n3、进依法`: a document site's chunk number glued into a sentence that a long
        // line left unfinished.
        let glued = line_start && family == Family::NumDot && number.is_some_and(|n| n >= 2) && ends_mid_sentence(before_trim);
        let prev = match prev_char {
            None => Prev::Strong,
            Some(ch) if hv::STRONG_STOPS.contains(&ch) => Prev::Strong,
            Some(',') => Prev::Comma,
            Some(ch) if is_han(ch) => Prev::Han,
            Some(_) => Prev::Other,
        };
        Placement { line_start, glued, prev }
    }
}

/// Whether the text before a line break (`before`, ending with it) ends a line of prose in
/// mid-sentence: at least `GLUED_AFTER_CHARS` long, with a stop or comma inside (a heading
/// title has none) and a Chinese character last (a paragraph ends with its stop).
fn ends_mid_sentence(before: &str) -> bool {
    let upto = before.strip_suffix('\n').unwrap_or(before).trim_end_matches(['\r', ' ', '\t']);
    let line = upto.rsplit('\n').next().unwrap_or(upto);
    line.chars().next_back().is_some_and(is_han)
        && crate::text::char_count(line) >= hv::GLUED_AFTER_CHARS
        && line.contains(hv::PROSE_STOPS)
}

/// Whether the characters around a marker allow it to be one: not glued into a number
/// (`1.5`, `2024.3`), not a list of numerals (`一、二级`), not an ordinal (`第一责任人`,
/// `第(1)项`), and a title can start after it. `raw_prev` is the character just before the
/// marker, `next` the first one after it past spaces, `after` the text after it.
fn fits_context(family: Family, marker: &str, separated: bool, raw_prev: Option<char>, next: char, after: &str) -> bool {
    match family {
        Family::CnDun => {
            !hv::NOT_AFTER_DUN.contains(&next) && !raw_prev.is_some_and(|ch| hv::NOT_BEFORE_DUN.contains(&ch)) && title_start(next)
        }
        Family::CnParen => title_start(next) && raw_prev != Some(hv::ORDINAL_PREFIX),
        Family::Circled => title_start(next),
        Family::NumDot => {
            !matches!(raw_prev, Some(ch) if ch.is_ascii_alphanumeric() || hv::NOT_BEFORE_NUMBER.contains(&ch))
                && (!next.is_ascii_digit() || starts_with_year(after))
                && title_start(next)
                && !(marker.ends_with(hv::DUN) && is_han(next) && hv::ORDINAL_WORDS.iter().any(|w| after.starts_with(w)))
        }
        Family::NumParen => title_start(next) && raw_prev != Some(hv::ORDINAL_PREFIX) && !hv::measure_after_paren(after),
        Family::Shi => {
            let punct_then_han = matches!(next, ':' | ',') && after[1..].chars().next().is_some_and(is_han);
            (title_start(next) || punct_then_han) && !raw_prev.is_some_and(|ch| hv::NOT_BEFORE_SHI.contains(&ch))
        }
        Family::Di if separated => title_start(next),
        Family::Di => is_han(next) && !hv::ORDINAL_WORDS.iter().any(|w| after.starts_with(w)),
        Family::Sequence => separated && title_start(next),
        Family::RunIn => false,
    }
}

/// The list of attachments at a report's end (`附件:1.…` and the numbered lines under it):
/// its numbers are not headings.
fn attachment_lists(s: &str, body: Span) -> Vec<Span> {
    static ATTACHMENT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(hv::ATTACHMENT));
    let text = &s[body.range()];
    let bytes = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    // Only a line opening with `附件` opens a list, and while none is open a line changes nothing:
    // the lines are read from each line holding the word (found by memmem) until the list it
    // opened, if any, is closed, and the search goes on after that line.
    let mut from = 0;
    while let Some(k) = ATTACHMENT.find(&bytes[from..]) {
        let line_start = memchr::memrchr(b'\n', &bytes[from..from + k]).map_or(from, |i| from + i + 1);
        let mut open = false;
        let mut offset = body.start + line_start;
        from = text.len();
        for line in crate::text::split_inclusive_lines(&text[line_start..]) {
            let start = offset;
            offset += line.len();
            // Trimmed at its end only where that matters (the third character): most lines open
            // with none of these.
            let t = line.trim_start();
            let span = Span::new(start, start + line.len());
            if t.starts_with(hv::ATTACHMENT) && t.trim_end().chars().nth(2).is_some_and(|c| c == ':' || c.is_ascii_digit() || c == ' ') {
                open = true;
                out.push(span);
            } else if open && t.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
                if let Some(last) = out.last_mut() {
                    last.end = span.end;
                }
            } else if !t.is_empty() {
                open = false;
            }
            if !open {
                from = offset - body.start;
                break;
            }
        }
    }
    out
}

/// `2023年…` right after a marker is a title starting with a year, not a decimal.
fn starts_with_year(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && after[4..].starts_with(hv::YEAR)
}

/// A heading title may start with this character.
fn title_start(c: char) -> bool {
    is_han(c) || c.is_ascii_digit() || hv::TITLE_OPENERS.contains(&c) || c.is_ascii_alphabetic()
}

/// A candidate taken as a heading, placed in the tree.
struct Accepted {
    cand: usize,
    level: u32,
    parent: Option<usize>,
}

/// Whether the text is laid out in lines, decided once for the document.
#[derive(Copy, Clone)]
struct Layout {
    /// The text has lines at all (two or more non-empty ones): a marker at a line start is
    /// then a heading.
    line_mode: bool,
    /// The document shows that it puts its headings at line starts (two or more structural
    /// markers do): mid-line markers must then continue their list after a sentence end.
    laid_out: bool,
}

impl Layout {
    fn of(s: &str, body: Span, cands: &[Cand]) -> Layout {
        let lines = s[body.range()].lines().filter(|l| !l.trim().is_empty()).take(3).count();
        Layout { line_mode: lines >= 2, laid_out: cands.iter().filter(|c| c.line_start && c.family.structural()).count() >= 2 }
    }
}

/// The outline of the body. `marker_starts` (`Text::take_marker_starts`, freed once read): the
/// markers are read from where their start characters stand instead of by a walk of the body
/// (the same markers either way).
pub fn parse(text: &Text, page: &Page, marker_starts: Option<Vec<u32>>) -> Outline {
    let s = text.norm();
    let cands = candidates(text, page, marker_starts.as_deref());
    drop(marker_starts);
    let layout = Layout::of(s, page.body, &cands);
    let mut accepted = Nesting::new(s, &cands, layout).accept_all();
    // The budget applies before any heading is built (issue 15): the first ones are kept, and
    // the outline ends where the first one left out starts.
    let budget = heading_budget(page.body.len());
    let mut omitted = keep_within(&mut accepted, budget, |a| Span::new(cands[a.cand].start, cands[a.cand].end));
    let end = omitted.map_or(page.body.end, |o| o.first.start);
    let mut headings = with_titles(s, end, &cands, &accepted);
    drop((cands, accepted));
    set_scopes(&mut headings, end);
    if layout.line_mode {
        let run_in = run_in_headings(s, page, end, &headings);
        if !run_in.is_empty() {
            headings = merge(headings, run_in);
            if let Some(more) = keep_within(&mut headings, budget, |h| h.marker) {
                let count = more.count + omitted.map_or(0, |o| o.count);
                omitted = Some(OmittedHeadings { first: more.first, count });
            }
            set_scopes(&mut headings, omitted.map_or(page.body.end, |o| o.first.start));
        }
    }
    assign_parts(text, &mut headings);
    Outline { headings, omitted }
}

/// The accepting pass over the candidates, in document order: which are headings, and
/// where each nests (steps 2 and 3 of the module's description).
struct Nesting<'a> {
    s: &'a str,
    cands: &'a [Cand],
    layout: Layout,
    acc: Vec<Accepted>,
    /// Open structural headings (indices into `acc`), outermost first.
    stack: Vec<usize>,
    /// Structural families in the nesting order this document has shown.
    order: Vec<Family>,
    /// Last number of each inline family under each parent: by the parent's index in `acc`
    /// plus one (0 for none), then by family ([`inline_slot`]). A table, not a hash map: a
    /// marker's look-up was a SipHash of its key.
    inline_last: Vec<[Option<u32>; 4]>,
    last_marker_end: Option<usize>,
}

impl<'a> Nesting<'a> {
    fn new(s: &'a str, cands: &'a [Cand], layout: Layout) -> Self {
        Nesting { s, cands, layout, acc: Vec::new(), stack: Vec::new(), order: Vec::new(), inline_last: Vec::new(), last_marker_end: None }
    }

    /// The last number of the inline family `fam` under `parent`.
    fn inline_last(&self, parent: Option<usize>, fam: Family) -> Option<u32> {
        self.inline_last.get(parent.map_or(0, |p| p + 1)).and_then(|slots| slots[inline_slot(fam)])
    }

    fn accept_all(mut self) -> Vec<Accepted> {
        for i in 0..self.cands.len() {
            if self.is_debris(i) {
                continue;
            }
            let c = &self.cands[i];
            let in_title = self.in_title(c);
            let accept = if c.family.structural() { self.accepts_structural(i, in_title) } else { self.accepts_inline(i, in_title) };
            if accept {
                self.place(i);
                self.last_marker_end = Some(c.end);
            }
        }
        self.acc
    }

    /// The family of an accepted heading.
    fn family(&self, accepted: usize) -> Family {
        self.cands[self.acc[accepted].cand].family
    }

    /// A marker directly followed by another marker is debris (`4.三是`).
    fn is_debris(&self, i: usize) -> bool {
        let c = &self.cands[i];
        self.cands.get(i + 1).is_some_and(|next| next.start >= c.end && self.s[c.end..next.start].chars().all(char::is_whitespace))
    }

    /// Right after a heading's marker, before any sentence end: the marker ends that heading's title.
    fn in_title(&self, c: &Cand) -> bool {
        let s = self.s;
        self.last_marker_end.is_some_and(|e| {
            // At most 50 characters: counted only when the bytes cannot tell.
            c.start >= e
                && c.start - e <= 200
                && (c.start - e <= 50 || crate::text::char_count(&s[e..c.start]) <= 50)
                && !s[e..c.start].contains(is_terminator)
        })
    }

    fn accepts_structural(&self, i: usize, in_title: bool) -> bool {
        let c = &self.cands[i];
        let (fam, layout) = (c.family, self.layout);
        let Some(n) = c.number else { return false };
        let open = self.stack.iter().rposition(|&h| self.family(h) == fam);
        if layout.line_mode && c.line_start {
            !c.glued || open.is_some_and(|k| self.cands[self.acc[self.stack[k]].cand].number.unwrap_or(0) + 1 == n)
        } else if let Some(k) = open {
            let m = self.cands[self.acc[self.stack[k]].cand].number.unwrap_or(0);
            if n == m + 1 {
                (!layout.laid_out && (c.prev != Prev::Han || !c.ordinal_next)) || c.prev == Prev::Strong || in_title
            } else if n == m + 2 || n == m {
                c.prev == Prev::Strong
            } else {
                false
            }
        } else if n == 1 {
            // A new list: after a sentence end, or run into a heading's title when a
            // later marker confirms it or the document already nests this family there.
            let order = &self.order;
            let known_child = self.stack.last().is_some_and(|&top| {
                let top_fam = self.family(top);
                let p = order.iter().position(|&f| f == top_fam);
                (p.is_some() && order.iter().position(|&f| f == fam) == p.map(|p| p + 1))
                    || (!order.contains(&fam) && fam.rank() > top_fam.rank())
            });
            c.prev == Prev::Strong || (in_title && (known_child || confirmed(self.cands, i, &self.stack, &self.acc)))
        } else {
            false
        }
    }

    fn accepts_inline(&self, i: usize, in_title: bool) -> bool {
        let c = &self.cands[i];
        let fam = c.family;
        let parent = self.stack.last().copied();
        let last = self.inline_last(parent, fam);
        let start_ok = matches!(c.prev, Prev::Strong | Prev::Comma) || in_title;
        match (c.number, last) {
            (Some(1), _) => start_ok && (fam == Family::Shi || confirmed(self.cands, i, &self.stack, &self.acc)),
            (Some(n), Some(m)) if n == m + 1 => c.prev != Prev::Han || in_title,
            (Some(n), Some(m)) if n == m + 2 || n <= m => c.prev == Prev::Strong || in_title,
            (None, Some(_)) => c.prev == Prev::Strong,
            (Some(_), None) => self.layout.line_mode && c.line_start && fam == Family::Shi,
            _ => false,
        }
    }

    /// Nest an accepted candidate: a structural family met again closes everything opened
    /// under it; a known family closes what the document nests below it; a new family
    /// nests under the open heading unless it ranks above it. Inline items never open levels.
    fn place(&mut self, i: usize) {
        let c = &self.cands[i];
        let fam = c.family;
        let idx = self.acc.len();
        if !fam.structural() {
            let parent = self.stack.last().copied();
            let level = parent.map_or(1, |p| self.acc[p].level + 1);
            let prev_n = self.inline_last(parent, fam).unwrap_or(0);
            let key = parent.map_or(0, |p| p + 1);
            if self.inline_last.len() <= key {
                self.inline_last.resize(key + 1, [None; 4]);
            }
            self.inline_last[key][inline_slot(fam)] = Some(c.number.unwrap_or(prev_n + 1));
            self.acc.push(Accepted { cand: i, level, parent });
            return;
        }
        if let Some(k) = self.stack.iter().rposition(|&h| self.family(h) == fam) {
            self.stack.truncate(k);
        } else if let Some(pos) = self.order.iter().position(|&f| f == fam) {
            while let Some(&top) = self.stack.last() {
                let top_fam = self.family(top);
                if self.order.iter().position(|&f| f == top_fam).is_some_and(|p| p >= pos) {
                    self.stack.pop();
                } else {
                    break;
                }
            }
        } else {
            while let Some(&top) = self.stack.last() {
                if self.family(top).rank() > fam.rank() {
                    self.stack.pop();
                } else {
                    break;
                }
            }
            let at = self.stack.last().and_then(|&top| self.order.iter().position(|&f| f == self.family(top))).map_or(0, |p| p + 1);
            self.order.insert(at.min(self.order.len()), fam);
        }
        let parent = self.stack.last().copied();
        self.acc.push(Accepted { cand: i, level: self.stack.len() as u32 + 1, parent });
        self.stack.push(idx);
    }
}

/// The slot of an inline family in `Nesting::inline_last` (the structural ones never take one).
fn inline_slot(fam: Family) -> usize {
    match fam {
        Family::Shi => 0,
        Family::Di => 1,
        Family::Sequence => 2,
        _ => 3,
    }
}

/// The accepted candidates as headings with their titles (step 4); scopes run to the body's
/// end until [`set_scopes`] closes them.
fn with_titles(s: &str, body_end: usize, cands: &[Cand], accepted: &[Accepted]) -> Vec<OutlineHeading> {
    accepted
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let c = &cands[a.cand];
            let limit = accepted.get(k + 1).map_or(body_end, |n| cands[n.cand].start);
            let title = title_span(s, c.end, limit);
            OutlineHeading {
                span: Span::new(c.start, title.end.max(c.end)),
                marker: Span::new(c.start, c.end),
                title,
                number: c.number,
                level: a.level,
                parent: a.parent,
                parts: Vec::new(),
                family: c.family,
                scope: Span::new(c.start, body_end),
            }
        })
        .collect()
}

/// Unnumbered run-in headings: where every paragraph directly under a heading (at least
/// three of them) opens with a short sentence — `坚持民主决策。严格落实…` — those sentences
/// act as headings. One paragraph that does not fit means the document does not use the
/// pattern there, and none is taken.
fn run_in_headings(s: &str, page: &Page, end: usize, headings: &[OutlineHeading]) -> Vec<(OutlineHeading, Option<usize>)> {
    let skip = [page.title, page.recipient, page.closing, page.signature];
    // Paragraphs by the structural heading they stand under, in the order the headings are
    // first met: (title span, fits). Found by the heading's index plus one (0 for none) in
    // `group_of`, not hashed.
    let mut groups: Vec<(Option<usize>, Vec<(Span, bool)>)> = Vec::new();
    let mut group_of: Vec<usize> = vec![usize::MAX; headings.len() + 1];
    let mut offset = page.body.start;
    let mut in_chrome = InChrome::of(page);
    // The headings that start at or before the paragraph, and before it: counted on line by line.
    let (mut after, mut before) = (0, 0);
    // Up to the outline's end: beyond it no heading is listed, so no paragraph stands under one.
    for line in crate::text::split_inclusive_lines(&s[page.body.start..end]) {
        let start = offset;
        offset += line.len();
        let text = line.trim_end();
        let lead = text.len() - text.trim_start().len();
        let para = Span::new(start + lead, start + text.len());
        if para.is_empty() || in_chrome.at(para.start) || skip.iter().flatten().any(|sp| sp.overlaps(para)) {
            continue;
        }
        // Paragraphs that are headings, or continue an inline item, are not candidates.
        while headings.get(after).is_some_and(|h| h.span.start <= para.start) {
            after += 1;
        }
        while headings.get(before).is_some_and(|h| h.marker.start < para.start) {
            before += 1;
        }
        let at = innermost_open(headings, after, para.start);
        if headings.get(before).is_some_and(|h| h.marker.start <= para.start + 8) {
            continue;
        }
        if at.is_some_and(|k| !headings[k].family.structural()) {
            continue;
        }
        let fits = run_in_sentence(s, para);
        let group = &mut group_of[at.map_or(0, |k| k + 1)];
        if *group == usize::MAX {
            *group = groups.len();
            groups.push((at, Vec::new()));
        }
        groups[*group].1.push((fits.unwrap_or(para), fits.is_some()));
    }
    let mut out = Vec::new();
    for (parent, paras) in &groups {
        let parent = *parent;
        if paras.len() >= 3 && paras.iter().all(|(_, fits)| *fits) {
            let level = parent.map_or(1, |p| headings[p].level + 1);
            out.extend(paras.iter().map(|&(title, _)| (run_in_heading(title, level, parent), parent)));
        }
    }
    out
}

/// The short sentence opening a paragraph that could be an unnumbered run-in heading
/// (`坚持民主决策。` before at least ten characters of body), or None.
fn run_in_sentence(s: &str, para: Span) -> Option<Span> {
    // Found from its first byte by memchr (`str::find` with a `char` stops at every byte 0x82,
    // the last byte of many Chinese characters).
    static FULL_STOP: LazyLock<Starts> = LazyLock::new(|| Starts::of([hv::FULL_STOP]));
    let body = &s[para.range()];
    let i = FULL_STOP.within(s, para.start, para.end).next()?.0 - para.start;
    let sentence = &body[..i];
    let n = crate::text::char_count(sentence);
    let commas = sentence.matches(',').count();
    // At least ten characters after it (not all of the paragraph counted).
    let rest_is_long = body[i + hv::FULL_STOP.len_utf8()..].chars().nth(9).is_some();
    ((4..=20).contains(&n) && commas <= 1 && rest_is_long && !sentence.contains(|c: char| c.is_ascii_digit() || hv::NOT_IN_RUN_IN.contains(&c)))
        .then(|| Span::new(para.start, para.start + i))
}

/// A run-in heading: its title is all of it, it has no marker and covers only itself.
fn run_in_heading(title: Span, level: u32, parent: Option<usize>) -> OutlineHeading {
    OutlineHeading {
        span: title,
        marker: Span::new(title.start, title.start),
        title,
        number: None,
        level,
        parent,
        parts: Vec::new(),
        family: Family::RunIn,
        scope: title,
    }
}

/// Run-in headings merged into the outline in document order, parents renumbered.
fn merge(headings: Vec<OutlineHeading>, run_in: Vec<(OutlineHeading, Option<usize>)>) -> Vec<OutlineHeading> {
    let mut all: Vec<(usize, OutlineHeading, Option<usize>)> = headings
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let parent = h.parent;
            (i, h, parent)
        })
        .chain(run_in.into_iter().map(|(h, p)| (usize::MAX, h, p)))
        .collect();
    crate::sort::stable_by_key(&mut all, |(_, h, _)| h.span.start);
    // Old index to new (the old headings are 0..n, each in `all` once).
    let mut new_index = vec![usize::MAX; all.len()];
    for (k, (old, _, _)) in all.iter().enumerate() {
        if *old != usize::MAX {
            new_index[*old] = k;
        }
    }
    all.into_iter()
        .map(|(_, mut h, p)| {
            h.parent = p.and_then(|p| new_index.get(p).copied().filter(|&k| k != usize::MAX));
            h
        })
        .collect()
}

/// A later marker of the same family with number 2 or 3 confirms a list that starts
/// mid-line; looking stops where the enclosing heading's scope evidently ends.
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
    // A colon closes a heading as well (`(一)加强学习:组织…`).
    static TITLE_ENDS: LazyLock<Starts> = LazyLock::new(|| Starts::of(TERMINATORS.iter().copied().chain([':'])));
    let mut cand_end = TITLE_ENDS.within(s, t0, limit).next().map_or(limit, |(i, _)| i);
    // A title is a line at most: text that runs on without any stop is cut (counted only
    // when it has more bytes than the most characters a title keeps; walked only when it has
    // more characters).
    if cand_end - t0 > MAX_TITLE_CHARS && crate::text::char_count(&s[t0..cand_end]) > MAX_TITLE_CHARS {
        if let Some((i, _)) = s[t0..cand_end].char_indices().nth(MAX_TITLE_CHARS) {
            cand_end = t0 + i;
        }
    }
    let end = run_in_end(s, t0, cand_end);
    let title = s[t0..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ','));
    Span::new(t0, t0 + title.len())
}

/// Where the body of a run-in heading starts within `t0..end`, or `end`.
fn run_in_end(s: &str, t0: usize, end: usize) -> usize {
    // The first characters of the body's opening words and the last ones of the title-final
    // words: a word is compared only where its edge character stands.
    static BODY_FIRSTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(hv::BODY_START_WORDS.iter().filter_map(|w| w.chars().next())));
    static FINAL_LASTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(hv::TITLE_FINAL_WORDS.iter().filter_map(|w| w.chars().next_back())));
    // Every character the loop acts on: a stop (`,` `:` `;`), a space, a body word's first, a
    // title-final word's last, a bracket. Any other one changes nothing, unless a title-final
    // word's last character stands before it.
    static ACTED_ON: LazyLock<Starts> = LazyLock::new(|| {
        let edges = hv::BODY_START_WORDS.iter().filter_map(|w| w.chars().next()).chain(hv::TITLE_FINAL_WORDS.iter().filter_map(|w| w.chars().next_back()));
        Starts::of([',', ':', ';', ' '].into_iter().chain(edges).chain(OPENING.iter().copied()).chain(CLOSING.iter().copied()))
    });
    let seg = &s[t0..end];
    let total = crate::text::char_count(seg);
    // A body starts only at a character with at least `MIN_BODY_CHARS` after it: past the last
    // such one (or `MAX_RUN_IN_CHARS`), nothing read can end the title before `end`, and most
    // headings' titles (a line of their own) are shorter than that.
    let Some(last) = total.checked_sub(hv::MIN_BODY_CHARS) else { return end };
    let last = last.min(hv::MAX_RUN_IN_CHARS);
    let mut depth = 0u32;
    // Whether the character before is a title-final word's last.
    let mut after_final = false;
    for (k, (i, c)) in seg.char_indices().enumerate() {
        if k > last {
            break;
        }
        if !after_final && !ACTED_ON.holds(c) {
            continue;
        }
        if depth == 0 && matches!(c, ',' | ':' | ';') {
            break;
        }
        if depth == 0 && k >= hv::MIN_TITLE_CHARS {
            let rest = &seg[i..];
            // A space between title and body (line breaks pasted as spaces).
            if c == ' ' && rest.trim_start().chars().next().is_some_and(|n| is_han(n) || n.is_ascii_digit()) {
                return t0 + i;
            }
            if BODY_FIRSTS.holds(c)
                && hv::BODY_START_WORDS.iter().any(|w| rest.starts_with(w) && rest[w.len()..].chars().next().is_some_and(is_han))
            {
                return t0 + i;
            }
            if after_final
                && (is_han(c) || c.is_ascii_alphanumeric() || opens(c))
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
        after_final = FINAL_LASTS.holds(c);
    }
    end
}

/// Each heading's scope runs to the next heading at its level or above.
fn set_scopes(headings: &mut [OutlineHeading], body_end: usize) {
    let mut open: Vec<usize> = Vec::new();
    for j in 0..headings.len() {
        let (level, start) = (headings[j].level, headings[j].span.start);
        while let Some(&top) = open.last() {
            if headings[top].level >= level {
                headings[top].scope.end = start;
                open.pop();
            } else {
                break;
            }
        }
        open.push(j);
    }
    for k in open {
        headings[k].scope.end = body_end;
    }
}

/// The required parts (`vocab::regulation`) mark the headings that divide the report:
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
///   headings before the problems/plans/duty part, those headings are its measures part
///   ([`regulation::unnamed_measures`]).
fn assign_parts(text: &Text, headings: &mut [OutlineHeading]) {
    for k in 0..headings.len() {
        let h = &headings[k];
        if h.family != Family::RunIn && !h.family.structural() {
            continue;
        }
        let named = regulation::roles_in(text.get(h.title));
        let parts = match h.parent {
            None if h.level == 1 => named,
            Some(p) => named
                .into_iter()
                .filter(|r| headings[p].parts.contains(r) || (*r == Role::Duty && h.level <= 2))
                .collect(),
            None => Vec::new(),
        };
        headings[k].parts = parts;
    }
    if headings.iter().any(|h| h.parts.contains(&Role::Measures)) {
        return;
    }
    let chapters: Vec<(usize, bool)> =
        headings.iter().enumerate().filter(|(_, h)| h.level == 1).map(|(i, h)| (i, !h.parts.is_empty())).collect();
    for i in regulation::unnamed_measures(&chapters, true) {
        if headings[i].family.structural() {
            headings[i].parts.push(Role::Measures);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chrome::read_page;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The depth asked at increasing positions is the depth of a walk of every character
        /// from the start (reset at each sentence end), however far apart they are.
        #[test]
        fn bracket_depth_is_the_walk_of_every_character(
            text in crate::scan::oracle::texts(vec!["(", ")", "《", "》", "“", "”", "。", ";", "\n", "a", "中", "一、", " "], 40),
            picks in proptest::collection::vec(0usize..60, 0..8),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut asked: Vec<usize> = picks.iter().map(|&k| bounds[k % bounds.len()]).collect();
            asked.sort_unstable();
            let mut depth = BracketDepth { depth: 0, scanned: 0 };
            for pos in asked {
                let mut want = 0u32;
                for c in text[..pos].chars() {
                    if is_terminator(c) {
                        want = 0;
                    } else if opens(c) {
                        want += 1;
                    } else if closes(c) {
                        want = want.saturating_sub(1);
                    }
                }
                proptest::prop_assert_eq!(depth.at(&text, pos), want, "{:?} at {}", text, pos);
            }
        }
    }

    /// `run_in_end` as it read every character (the oracle of the walk that passes over those
    /// it does not act on).
    fn run_in_end_by_every_character(s: &str, t0: usize, end: usize) -> usize {
        let seg = &s[t0..end];
        let total = seg.chars().count();
        let Some(last) = total.checked_sub(hv::MIN_BODY_CHARS) else { return end };
        let last = last.min(hv::MAX_RUN_IN_CHARS);
        let mut depth = 0u32;
        let mut prev: Option<char> = None;
        for (k, (i, c)) in seg.char_indices().enumerate() {
            if k > last {
                break;
            }
            if depth == 0 && matches!(c, ',' | ':' | ';') {
                break;
            }
            if depth == 0 && k >= hv::MIN_TITLE_CHARS {
                let rest = &seg[i..];
                if c == ' ' && rest.trim_start().chars().next().is_some_and(|n| is_han(n) || n.is_ascii_digit()) {
                    return t0 + i;
                }
                if hv::BODY_START_WORDS.iter().any(|w| rest.starts_with(w) && rest[w.len()..].chars().next().is_some_and(is_han)) {
                    return t0 + i;
                }
                if prev.is_some()
                    && (is_han(c) || c.is_ascii_alphanumeric() || opens(c))
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
            prev = Some(c);
        }
        end
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn run_in_end_is_the_walk_of_every_character(text in crate::scan::oracle::texts(vec![
            "加强", "学习", "中", "a", "1", " ", ",", ":", ";", "(", ")", "《", "》", "情况", "原因", "有待加强", "和", "的",
            "严格", "按照", "进一步", "我局", "全年", "落实", "。", "工作", "况", "严",
        ], 30)) {
            proptest::prop_assert_eq!(run_in_end(&text, 0, text.len()), run_in_end_by_every_character(&text, 0, text.len()), "{:?}", text);
        }
    }

    proptest::proptest! {
        /// The cursor over the chrome says what `Page::is_boilerplate` says, at increasing positions.
        #[test]
        fn in_chrome_is_is_boilerplate(cuts in proptest::collection::btree_set(0usize..200, 0..12), asked in proptest::collection::btree_set(0usize..220, 0..30)) {
            let cuts: Vec<usize> = cuts.into_iter().collect();
            let page = Page { boilerplate: cuts.chunks_exact(2).map(|p| (BoilerplateKind::Menu, Span::new(p[0], p[1]))).collect(), ..Page::default() };
            let mut cursor = InChrome::of(&page);
            for pos in asked {
                proptest::prop_assert_eq!(cursor.at(pos), page.is_boilerplate(pos), "{:?} at {}", page.boilerplate, pos);
            }
        }
    }

    /// The attachment lists as a walk of every line reads them (the oracle of the search from
    /// each `附件`).
    fn attachment_lists_by_every_line(s: &str, body: Span) -> Vec<Span> {
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn attachment_lists_are_every_lines(
            text in crate::scan::oracle::texts(vec!["附件", "附件:", "附件1", "附件 ", "附", ":", "1", "(", "\n", " ", "中", "a", "一、"], 30),
            cut in 0usize..8,
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let body = Span::new(bounds[cut.min(bounds.len() - 1)], text.len());
            proptest::prop_assert_eq!(attachment_lists(&text, body), attachment_lists_by_every_line(&text, body), "{:?}", text);
        }
    }

    fn outline(s: &str) -> (Text, Outline) {
        let mut text = Text::new(s);
        let starts = text.take_marker_starts();
        let page = read_page(&text);
        let outline = parse(&text, &page, starts);
        // The markers read from the folding walk's notes are those a walk of the body finds.
        let walked = parse(&text, &page, None);
        assert_eq!((&outline.headings, outline.omitted), (&walked.headings, walked.omitted), "{s:?}");
        (text, outline)
    }

    #[test]
    fn heading_at_is_the_innermost_open_scope() {
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
        // Scopes nest: the parent's scope covers its children.
        let parent = &o.headings[0];
        assert!(o.headings[1..4].iter().all(|h| parent.scope.contains(h.scope)));
        assert_eq!(o.headings[4].scope.end, text.norm().len());
    }
}
