//! Page chrome and meta: what the web page wrapped around the report (menus, metadata
//! blocks, footers) is set aside, and what the document says about itself is read.
//!
//! Lines are classified one by one (menu, metadata, footer, content; the keyword tables
//! are in `vocab::page`). The page's *head* is the run of chrome lines at the top, which
//! may enclose a few short content lines (the title); its *tail* the run at the bottom.
//! The body lies between them. A metadata label alone on its line takes the next short
//! line as its value (pages render `索引号:` and `201140958/2022-03057` on separate lines).
//!
//! Meta is read from the title, the page's metadata fields, the opening sentence and the
//! signature after the last sentence (issuer line and date, incl. Chinese-numeral dates).

pub mod kind;
mod labels;
pub mod published;

use std::sync::LazyLock;

use crate::re::Regex;
use crate::scan::Starts;

use crate::result::{BoilerplateKind, DocumentKind, Period};
use crate::text::{self, Span, Text};
use crate::vocab::dates::{self, Date};
use crate::vocab::markers::starts_with_marker;
use crate::vocab::page as vocab;
use labels::{LabelMatch, Labels};

/// The page around the report, and the report's body.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub body: Span,
    pub boilerplate: Vec<(BoilerplateKind, Span)>,
    pub meta: PageMeta,
    /// The title line, where the text has one.
    pub title: Option<Span>,
    /// `市人民政府:` — whom the report is addressed to.
    pub recipient: Option<Span>,
    /// `特此报告。`
    pub closing: Option<Span>,
    /// What stands after the last sentence: issuing body and/or date.
    pub signature: Option<Span>,
}

impl Page {
    /// Whether `pos` lies in page chrome (inside the body too: a page's debris may be pasted mid-text).
    pub fn is_boilerplate(&self, pos: usize) -> bool {
        // Ranges are in document order and do not overlap.
        let i = self.boilerplate.partition_point(|(_, s)| s.start <= pos);
        i > 0 && pos < self.boilerplate[i - 1].1.end
    }
}

/// What the page and the document say about themselves (the result's `Meta` is built from it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub report_year: Option<i32>,
    pub period: Option<Period>,
    pub published: Option<Date>,
    /// Where `published` is written: inside a metadata field, in the signature or a dateline.
    pub published_at: Option<Span>,
    /// Every date the page gives that could be its publication date (`published::read`).
    pub date_candidates: Vec<published::FoundDate>,
    pub fields: Vec<Field>,
    /// Set after the outline is read (`kind::classify`).
    pub kind: DocumentKind,
}

/// A raw key–value line of the page's metadata (索引号, 发文单位 …).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// The metadata and footer labels (their characters may be spaced out, `索  引  号`), each
/// followed by blanks and `:`: matched by hand (`labels`), not compiled as regexes.
static META_START: LazyLock<Labels> = LazyLock::new(|| Labels::new(vocab::META_LABELS));
static META_ANY: &LazyLock<Labels> = &META_START;
static FOOTER_START: LazyLock<Labels> = LazyLock::new(|| Labels::new(vocab::FOOTER_LABELS));
static RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    let mut suffixes: Vec<&str> = vocab::ORG_SUFFIXES.to_vec();
    suffixes.extend(vocab::RECIPIENT_SUFFIXES);
    crate::sort::stable_by_key(&mut suffixes, |s| std::cmp::Reverse(s.len()));
    let alt = suffixes.iter().map(|s| crate::re::escape(s)).collect::<Vec<_>>().join("|");
    let name = format!("[^{}]{{1,30}}?", vocab::NOT_IN_RECIPIENT);
    let and = crate::re::escape(vocab::RECIPIENT_JOINER);
    Regex::new(&format!(r"^{name}(?:{alt})(?:{and}{name}(?:{alt}))*[ \t]*:")).unwrap()
});

/// Whether a label pattern can match in `t`: each of them is a label, blanks and `:`, so some
/// `:` must follow a label's last character (blanks between). Most lines have no `:` at all,
/// and many of the rest (`一是…:`) none after a label: checked with a memchr and a character
/// instead of the regex on every line (in the wasm's small regex engine the alternation of
/// spaced-out labels was slow to try at every character).
fn may_hold_label(t: &str) -> bool {
    static LABEL_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut ends: Vec<char> = vocab::META_LABELS.iter().chain(vocab::FOOTER_LABELS).filter_map(|l| l.chars().next_back()).collect();
        crate::sort::stable(&mut ends);
        ends.dedup();
        ends
    });
    memchr::memchr_iter(b':', t.as_bytes()).any(|colon| {
        let before = t[..colon].trim_end_matches([' ', '\t']);
        before.chars().next_back().is_some_and(|c| LABEL_ENDS.binary_search(&c).is_ok())
    })
}

/// Whether `t` starts with a label of `labels` (`META_START`, `FOOTER_START`).
fn starts_with_label(labels: &Labels, t: &str) -> bool {
    may_hold_label(t) && labels.starts(t)
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    Chrome(BoilerplateKind),
    Content,
}

struct Line {
    /// Trimmed, leading bullets removed.
    span: Span,
    kind: Kind,
}

/// `t.contains(word)` for the short lines and titles of the page: found where the word's second
/// byte stands (memchr; for a Chinese word a continuation byte, one of 64), without the searcher
/// `str::contains` builds per call, whose set-up was most of the cost on a short line.
fn holds(t: &str, word: &str) -> bool {
    let (b, w) = (t.as_bytes(), word.as_bytes());
    let k = usize::from(w.len() > 1);
    w.is_empty() || memchr::memchr_iter(w[k], b).any(|i| i >= k && b[i - k..].starts_with(w))
}

fn chars(s: &str) -> usize {
    text::char_count(s)
}

/// Read the page: classify its lines, take its metadata fields, find the report's body
/// between the page's head and tail, then what the document says about itself.
pub fn read_page(text: &Text) -> Page {
    let s = text.norm();
    let mut lines = classify_lines(s);
    let page_date = date_under_title(s, &mut lines);
    let (fields, line_issuer) = read_fields(text, &mut lines);
    let frame = Frame::of(s, &lines);
    let body = frame.body(s, &lines);
    let boilerplate = boilerplate_runs(&lines);
    let title_span = title_line(s, &lines, &frame);
    let title = field(&fields, vocab::TITLE_FIELDS)
        .map(|f| f.value.clone())
        .or_else(|| title_span.map(|sp| text.as_written(sp).trim().to_owned()));
    let letter = Letter::of(s, body, title_span);
    let (sig_date, sig_org) = letter.signature.map_or((None, None), |sp| read_signature(text, sp));

    let title_norm = title_span.map(|sp| &s[sp.range()]).or(title.as_deref()).unwrap_or("");
    let opening_norm = &s[letter.opening.range()];
    let report_year = year_in_title(title_norm)
        .or_else(|| year_in_opening(opening_norm))
        .or_else(|| year_in_headings(s, body))
        .or_else(|| year_of_signature(&s[body.range()], sig_date.map(|(d, _)| d)));
    let period = period_of(title_norm, opening_norm, report_year);
    let (chosen, date_candidates) = published::read(s, body, &fields, page_date, sig_date);
    let (published, published_at) = chosen.map_or((None, None), |c| (Some(c.date), c.span));
    let issuer = field(&fields, vocab::ISSUER_FIELDS).map(|f| f.value.clone()).or(line_issuer).or(sig_org);

    Page {
        body,
        boilerplate,
        meta: PageMeta { title, issuer, report_year, period, published, published_at, date_candidates, fields, kind: DocumentKind::default() },
        title: title_span,
        recipient: letter.recipient,
        closing: letter.closing,
        signature: letter.signature,
    }
}

/// Every line, trimmed and without leading bullets, with its kind.
fn classify_lines(s: &str) -> Vec<Line> {
    text::lines(s)
        .map(|l| {
            let t = text::trim(s, l);
            let slice = &s[t.range()];
            let stripped = slice.trim_start_matches(|c: char| vocab::BULLETS.contains(&c) || c.is_whitespace());
            let span = Span::new(t.end - stripped.len(), t.end);
            if slice.len() <= 4 * 30 && vocab::is_page_number(slice) && chars(slice) <= 30 {
                // `- 2 -`: a page number; its dashes are not bullets.
                return Line { span: t, kind: Kind::Chrome(BoilerplateKind::Menu) };
            }
            Line { span, kind: classify(&s[span.range()]) }
        })
        .collect()
}

/// A date alone on the line under the page's first line (its title), unlabelled —
/// `某某局2021年度法治政府建设情况报告` then `2022-03-29` — is the page's date: that line
/// becomes metadata, and its date a candidate. Only there: a date alone on a line further down
/// is a signature's or the body's.
fn date_under_title(s: &str, lines: &mut [Line]) -> Option<(Date, Span)> {
    let mut content = (0..lines.len()).filter(|&i| lines[i].kind != Kind::Blank).skip_while(|&i| lines[i].kind != Kind::Content);
    let (title, next) = (content.next()?, content.next()?);
    if lines[next].kind != Kind::Content || !is_short(s, &lines[title]) || starts_with_marker(&s[lines[title].span.range()]) {
        return None;
    }
    let span = lines[next].span;
    let t = &s[span.range()];
    let (date, at) = dates::find(t)?;
    let rest = format!("{}{}", &t[..at.start], &t[at.end..]);
    if !vocab::CLOCK_TIME.replace_all(&rest, "").trim_matches(|c: char| c.is_whitespace() || vocab::FIELD_BRACKETS.contains(&c)).is_empty() {
        return None;
    }
    lines[next].kind = Kind::Chrome(BoilerplateKind::Metadata);
    Some((date, at.offset(span.start)))
}

/// The metadata fields; a label alone on its line takes the next short line as its value
/// (which becomes metadata too). Also the issuing body a metadata line may open with,
/// unlabelled (`某某县司法局 更新时间:…`).
fn read_fields(text: &Text, lines: &mut [Line]) -> (Vec<Field>, Option<String>) {
    let s = text.norm();
    let mut fields = Vec::new();
    let mut line_issuer = None;
    for i in 0..lines.len() {
        if lines[i].kind != Kind::Chrome(BoilerplateKind::Metadata) {
            continue;
        }
        if line_issuer.is_none() {
            line_issuer = issuer_before_label(&s[lines[i].span.range()])
                .map(|len| text.as_written(Span::new(lines[i].span.start, lines[i].span.start + len)).trim().to_owned());
        }
        let mut found = parse_fields(s, lines[i].span);
        if let Some(last) = found.last_mut().filter(|f| f.value_span.is_empty()) {
            if let Some(j) = (i + 1..lines.len()).find(|&j| lines[j].kind != Kind::Blank) {
                let next = lines[j].span;
                let next_text = &s[next.range()];
                let value_line = lines[j].kind == Kind::Content && chars(next_text) <= 60 && !next_text.ends_with(vocab::PARAGRAPH_END);
                // A short value the menu table happened to match.
                let menu_value = lines[j].kind == Kind::Chrome(BoilerplateKind::Menu) && chars(next_text) <= 30 && !starts_with_label(&META_START, next_text);
                if value_line || menu_value {
                    last.value_span = next;
                    last.span = last.span.cover(next);
                    lines[j].kind = Kind::Chrome(BoilerplateKind::Metadata);
                }
            }
        }
        for f in found {
            if !f.value_span.is_empty() {
                let value = text.as_written(f.value_span).trim().to_owned();
                fields.push(Field { name: f.name, value, span: f.span });
            }
        }
    }
    (fields, line_issuer)
}

/// The byte length of an issuing body's name opening a metadata line before its first label
/// (`某某县司法局 更新时间:…`): a short name ending like an organisation's, without punctuation.
fn issuer_before_label(t: &str) -> Option<usize> {
    may_hold_label(t).then(|| issuer_before_a_label(t)).flatten()
}

/// [`issuer_before_label`] of a line that [`may_hold_label`].
fn issuer_before_a_label(t: &str) -> Option<usize> {
    let first = META_ANY.find(t)?;
    let prefix = t[..first.whole.start].trim_end();
    (!prefix.is_empty()
        && chars(prefix) <= 30
        && !prefix.contains(vocab::NOT_IN_ISSUER)
        && !starts_with_marker(prefix)
        && vocab::ORG_SUFFIXES.iter().any(|suf| prefix.ends_with(suf)))
    .then_some(prefix.len())
}

/// The first field with a value among `names`, best first.
fn field<'a>(fields: &'a [Field], names: &[&str]) -> Option<&'a Field> {
    names.iter().find_map(|n| fields.iter().find(|f| f.name == *n && !f.value.is_empty()))
}

fn is_short(s: &str, l: &Line) -> bool {
    let t = &s[l.span.range()];
    chars(t) <= 60 && !t.ends_with(vocab::PARAGRAPH_END)
}

/// The page's head (chrome lines at the top, possibly around a few short content lines:
/// the title) and tail (the same at the bottom), as line indexes.
struct Frame {
    /// The last line of the head.
    head_end: Option<usize>,
    /// Content lines inside the head.
    head_content: Vec<usize>,
    /// The first line of the tail.
    tail_start: Option<usize>,
}

impl Frame {
    fn of(s: &str, lines: &[Line]) -> Frame {
        let mut head_end: Option<usize> = None;
        let mut head_content: Vec<usize> = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            match l.kind {
                Kind::Blank => {}
                Kind::Chrome(_) => {
                    head_end = Some(i);
                    head_content.append(&mut pending);
                }
                Kind::Content => {
                    pending.push(i);
                    if pending.len() > 2 || !is_short(s, l) || starts_with_marker(&s[l.span.range()]) {
                        break;
                    }
                }
            }
        }
        let mut tail_start: Option<usize> = None;
        let mut pending = 0;
        for i in (0..lines.len()).rev() {
            if head_end.is_some_and(|h| i <= h) {
                break;
            }
            match lines[i].kind {
                Kind::Blank => {}
                Kind::Chrome(_) => {
                    tail_start = Some(i);
                    pending = 0;
                }
                Kind::Content => {
                    pending += 1;
                    if pending > 2 || !is_short(s, &lines[i]) || starts_with_marker(&s[lines[i].span.range()]) {
                        break;
                    }
                }
            }
        }
        Frame { head_end, head_content, tail_start }
    }

    /// Non-blank lines between head and tail.
    fn content(&self, lines: &[Line]) -> Vec<usize> {
        let first = self.head_end.map_or(0, |h| h + 1);
        let last = self.tail_start.unwrap_or(lines.len());
        (first..last).filter(|&i| lines[i].kind != Kind::Blank).collect()
    }

    /// From the first to the last content line between head and tail (the whole text when none).
    fn body(&self, s: &str, lines: &[Line]) -> Span {
        let content = self.content(lines);
        let is_content = |&&i: &&usize| lines[i].kind == Kind::Content;
        match (content.iter().find(is_content), content.iter().rev().find(is_content)) {
            (Some(&a), Some(&b)) => Span::new(lines[a].span.start, lines[b].span.end),
            _ => text::trim(s, Span::new(0, s.len())),
        }
    }
}

/// Runs of chrome lines of one kind (blank lines between do not break a run).
fn boilerplate_runs(lines: &[Line]) -> Vec<(BoilerplateKind, Span)> {
    let mut boilerplate: Vec<(BoilerplateKind, Span)> = Vec::new();
    let mut last_kind: Option<BoilerplateKind> = None;
    for l in lines {
        match l.kind {
            Kind::Blank => {}
            Kind::Chrome(k) => {
                match boilerplate.last_mut() {
                    Some((pk, span)) if last_kind == Some(k) && *pk == k => *span = span.cover(l.span),
                    _ => boilerplate.push((k, l.span)),
                }
                last_kind = Some(k);
            }
            Kind::Content => last_kind = None,
        }
    }
    boilerplate
}

/// The title line: a short title-like line in the head, or the first body line when a
/// content line follows it (a metadata line above the title).
fn title_line(s: &str, lines: &[Line], frame: &Frame) -> Option<Span> {
    let title_like = |span: Span| {
        let t = &s[span.range()];
        (6..=80).contains(&chars(t))
            && !t.ends_with(vocab::NOT_TITLE_ENDINGS)
            && !starts_with_marker(t)
            && vocab::TITLE_WORDS.iter().any(|w| holds(t, w))
    };
    frame.head_content.iter().map(|&i| lines[i].span).find(|&sp| title_like(sp)).or_else(|| {
        match frame.content(lines)[..] {
            [a, b, ..] if lines[b].kind == Kind::Content && title_like(lines[a].span) => Some(lines[a].span),
            _ => None,
        }
    })
}

/// The parts of a report written as a letter: whom it is addressed to, its opening
/// sentence, its closing formula and what is signed below it.
struct Letter {
    recipient: Option<Span>,
    opening: Span,
    closing: Option<Span>,
    signature: Option<Span>,
}

impl Letter {
    fn of(s: &str, body: Span, title: Option<Span>) -> Letter {
        let mut opening_start = body.start;
        if let Some(sp) = title.filter(|sp| sp.start == body.start) {
            opening_start = sp.end;
        }
        let after = &s[opening_start..body.end];
        let lead = after.len() - after.trim_start().len();
        let recipient = RECIPIENT.find(&after[lead..]).map(|m| Span::from(m).offset(opening_start + lead));
        if let Some(r) = recipient {
            opening_start = r.end;
        }
        let opening = opening_span(s, Span::new(opening_start, body.end));

        let body_text = &s[body.range()];
        let tail_from = body_text.len().saturating_sub(3000);
        let tail_from = (tail_from..=body_text.len()).find(|&i| body_text.is_char_boundary(i)).unwrap_or(body_text.len());
        let closing = last_closing(&body_text[tail_from..])
            .map(|(at, len)| (tail_from + at, len))
            .map(|(at, len)| {
                let end = body.start + at + len;
                let end = end + s[end..].chars().next().filter(|c| vocab::CLOSING_STOPS.contains(c)).map_or(0, char::len_utf8);
                Span::new(body.start + at, end)
            });
        let signature = {
            let from = match closing {
                Some(c) => c.end,
                None => body_text
                    .rfind(vocab::LAST_SENTENCE_ENDS)
                    .map_or(body.end, |at| body.start + at + body_text[at..].chars().next().map_or(0, char::len_utf8)),
            };
            let sp = text::trim(s, Span::new(from.min(body.end), body.end));
            (!sp.is_empty() && chars(&s[sp.range()]) <= 80).then_some(sp)
        };
        Letter { recipient, opening, closing, signature }
    }
}

/// The last closing formula of `tail` (the longest of those starting there): its position and
/// length. Read back from the end, each character compared with the formulas' first bytes, not
/// searched for formula by formula (most are absent, and each search read the whole tail).
fn last_closing(tail: &str) -> Option<(usize, usize)> {
    tail.char_indices().rev().find_map(|(i, _)| {
        let here = &tail.as_bytes()[i..];
        let len = vocab::CLOSINGS.iter().filter(|w| here.first() == w.as_bytes().first() && here.starts_with(w.as_bytes())).map(|w| w.len()).max()?;
        Some((i, len))
    })
}

fn classify(t: &str) -> Kind {
    if t.is_empty() {
        return Kind::Blank;
    }
    // Every rule below is for a line of at most 200 characters: a line of more than four bytes
    // a character (most paragraphs) is content, its characters not counted.
    if t.len() > 4 * 200 {
        return Kind::Content;
    }
    // The characters are counted only when a rule asks and the byte length cannot tell (a
    // line of more than four bytes a character is past a bound without a count).
    let mut n = CharCount::of(t);
    // Asked once for the three label rules (leading brackets hold no colon a label ends at).
    let label = may_hold_label(t);
    // `【发布时间:2023年03月30日】【字体:大 中 小】`: a site may bracket each field.
    if label && n.at_most(200) && META_START.starts(t.trim_start_matches(vocab::FIELD_BRACKETS)) {
        return Kind::Chrome(BoilerplateKind::Metadata);
    }
    if label && n.at_most(80) && issuer_before_a_label(t).is_some() {
        return Kind::Chrome(BoilerplateKind::Metadata);
    }
    if label && n.at_most(150) && FOOTER_START.starts(t) {
        return Kind::Chrome(BoilerplateKind::Footer);
    }
    if n.at_most(150) && holds_footer_token(t) {
        return Kind::Chrome(BoilerplateKind::Footer);
    }
    if n.at_most(20) && vocab::PRINT_AND_CLOSE.iter().all(|w| holds(t, w)) {
        return Kind::Chrome(BoilerplateKind::Footer);
    }
    if n.at_most(80) && vocab::MENU_PREFIXES.iter().any(|p| t.starts_with(p)) {
        return Kind::Chrome(BoilerplateKind::Menu);
    }
    if n.at_most(80) && is_menu_line(t) {
        return Kind::Chrome(BoilerplateKind::Menu);
    }
    if n.at_most(60) && vocab::TODAY_WEEKDAY.iter().any(|w| holds(t, w)) && vocab::TODAY.is_match(t) && !t.contains(vocab::SENTENCE_PUNCTUATION) {
        return Kind::Chrome(BoilerplateKind::Menu);
    }
    if n.at_most(30) && vocab::is_page_number(t) {
        return Kind::Chrome(BoilerplateKind::Menu);
    }
    Kind::Content
}

/// A line's number of characters, counted at most once and only when its byte length (one to
/// four bytes a character) leaves a bound undecided.
struct CharCount<'a> {
    t: &'a str,
    n: Option<usize>,
}

impl<'a> CharCount<'a> {
    fn of(t: &'a str) -> Self {
        CharCount { t, n: None }
    }

    /// Whether the line has at most `most` characters.
    fn at_most(&mut self, most: usize) -> bool {
        let len = self.t.len();
        len <= most || (len <= 4 * most && *self.n.get_or_insert_with(|| chars(self.t)) <= most)
    }
}

/// A line made only of menu words (and numbers), at least one of them: split into tokens only
/// for a short line (a paragraph is never a menu, and most lines are paragraphs), and only when
/// its first token can be one (its first character, past blanks, separators and brackets, a
/// digit or a menu word's first: most short lines are a title or a heading, one token long).
fn is_menu_line(t: &str) -> bool {
    static FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut firsts: Vec<char> = vocab::MENU_WORDS.iter().filter_map(|w| w.chars().next()).collect();
        crate::sort::stable(&mut firsts);
        firsts.dedup();
        firsts
    });
    let first = t.chars().find(|&c| !(c.is_whitespace() || vocab::MENU_SEPARATORS.contains(&c) || vocab::MENU_TOKEN_BRACKETS.contains(&c)));
    if !first.is_some_and(|c| c.is_ascii_digit() || FIRSTS.binary_search(&c).is_ok()) {
        return false;
    }
    let mut tokens = t
        .split(|c: char| c.is_whitespace() || vocab::MENU_SEPARATORS.contains(&c))
        .map(|w| w.trim_matches(vocab::MENU_TOKEN_BRACKETS))
        .filter(|w| !w.is_empty());
    let mut any_word = false;
    tokens.all(|w| {
        let word = vocab::MENU_WORDS.contains(&w);
        any_word |= word;
        word || w.chars().all(|c| c.is_ascii_digit())
    }) && any_word
}

/// The footer tokens by their first characters: whether a line holds any of them in one pass,
/// not one `contains` per token. (An Aho-Corasick DFA did the same at about the same speed on
/// these short lines, but its build was 1.7 M instructions of every process: docs/performance.md.)
/// The footer tokens by their anchors (`vocab::page::FOOTER_TOKEN_ANCHORS`): the walk for the
/// anchors, and each token with its anchor and the anchor's byte offset in it.
struct FooterTokens {
    anchors: Starts,
    tokens: Vec<(char, usize, &'static str)>,
}

static FOOTER_TOKENS: LazyLock<FooterTokens> = LazyLock::new(|| {
    let tokens = vocab::FOOTER_TOKENS
        .iter()
        .map(|&w| {
            let (at, anchor) = w.char_indices().find(|(_, c)| vocab::FOOTER_TOKEN_ANCHORS.contains(c)).expect("every footer token holds an anchor");
            (anchor, at, w)
        })
        .collect();
    FooterTokens { anchors: Starts::of(vocab::FOOTER_TOKEN_ANCHORS.iter().copied()), tokens }
});

/// Whether the line holds a footer token: each compared where its first anchor stands (which
/// stands wherever the token does), the line walked for the anchors alone.
fn holds_footer_token(line: &str) -> bool {
    let FooterTokens { anchors, tokens } = &*FOOTER_TOKENS;
    let b = line.as_bytes();
    anchors
        .within(line, 0, line.len())
        .any(|(i, c)| tokens.iter().any(|&(anchor, at, w)| anchor == c && i >= at && b[i - at..].starts_with(w.as_bytes())))
}

struct RawField {
    name: String,
    value_span: Span,
    span: Span,
}

/// `label: value label: value | label: value` on one line.
fn parse_fields(s: &str, line: Span) -> Vec<RawField> {
    let t = &s[line.range()];
    let labels: Vec<LabelMatch> = META_ANY.find_iter(t).collect();
    let mut out = Vec::new();
    for (k, LabelMatch { whole, label }) in labels.iter().enumerate() {
        let value_end = labels.get(k + 1).map_or(t.len(), |m| m.whole.start);
        let raw = &t[whole.end..value_end];
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '|' || vocab::FIELD_BRACKETS.contains(&c));
        let start = whole.end + raw.find(trimmed).unwrap_or(0);
        let value_span = Span::new(start, start + trimmed.len()).offset(line.start);
        out.push(RawField {
            name: t[label.clone()].split_whitespace().collect(),
            value_span,
            span: Span::new(line.start + whole.start, value_span.end.max(line.start + whole.end)),
        });
    }
    out
}

/// The opening sentence(s): up to `…如下` or the end of the first paragraph, at most 600 chars.
fn opening_span(s: &str, from: Span) -> Span {
    let t = &s[from.range()];
    let start = from.start + (t.len() - t.trim_start().len());
    let rest = &s[start..from.end];
    let mut end = rest.char_indices().nth(600).map_or(rest.len(), |(i, _)| i);
    if let Some(i) = rest[..end].find('\n') {
        end = i;
    }
    if let Some(i) = rest[..end].find(vocab::OPENING_END) {
        end = i + vocab::OPENING_END.len();
    }
    Span::new(start, start + end)
}

fn year_in_title(title: &str) -> Option<i32> {
    vocab::TITLE_YEAR.captures(title).and_then(|c| c[1].parse().ok()).filter(|&y| dates::plausible_year(y))
}

fn year_in_opening(opening: &str) -> Option<i32> {
    vocab::OPENING_YEARS
        .iter()
        .find_map(|re| re.captures(opening).and_then(|c| c[1].parse().ok()))
        .filter(|&y| dates::plausible_year(y))
}

/// The year named by the body's headings when no title or opening gave one: a look back
/// (`一、2021年主要工作情况`) names it, a look ahead (`三、2022年工作计划`) names the year after.
/// Only when every such heading agrees.
fn year_in_headings(s: &str, body: Span) -> Option<i32> {
    let mut years = text::lines(&s[body.range()]).filter_map(|l| {
        let t = s[text::trim(s, l.offset(body.start)).range()].trim();
        if !may_be_year_heading(t) {
            return None;
        }
        let c = vocab::HEADING_YEAR.captures(t)?;
        let y: i32 = c[1].parse().ok().filter(|&y| dates::plausible_year(y))?;
        let rest = &c[2];
        if vocab::PLAN_HEADING_WORDS.iter().any(|w| rest.contains(w)) {
            Some(y - 1)
        } else if vocab::REVIEW_HEADING_WORDS.iter().any(|w| rest.contains(w)) {
            Some(y)
        } else {
            None
        }
    });
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// The year an evident 法治政府建设 report covers, from its signature date: one signed from
/// January to March reports on the year before, one signed in November or December on its
/// own year; other months say nothing.
/// Whether `HEADING_YEAR` can match the line: it opens with a structural marker (its first
/// character a Chinese numeral, `(` or a digit) and holds `年`. Most lines are passed over
/// without the regex (a PikeVM set up per line).
fn may_be_year_heading(t: &str) -> bool {
    t.starts_with(|c: char| c == '(' || c.is_ascii_digit() || crate::vocab::markers::is_cn_digit(c)) && holds(t, vocab::YEAR_CHAR)
}

fn year_of_signature(body: &str, signed: Option<Date>) -> Option<i32> {
    let d = signed?;
    if !vocab::ANNUAL_REPORT_WORDS.iter().any(|w| body.contains(w)) {
        return None;
    }
    match d.month {
        1..=3 => Some(d.year - 1),
        11 | 12 => Some(d.year),
        _ => None,
    }
}

fn period_of(title: &str, opening: &str, year: Option<i32>) -> Option<Period> {
    // Each word searched for only in a text that holds one of their characters (most openings
    // hold none: thirteen searches of up to 600 characters).
    for t in [title, opening].into_iter().filter(|t| t.contains(vocab::PERIOD_CUES)) {
        if let Some((_, p)) = vocab::PERIOD_WORDS.iter().find(|(w, _)| t.contains(w)) {
            return Some(*p);
        }
    }
    if vocab::MULTI_YEAR.is_match(title) {
        return Some(Period::MultiYear);
    }
    if year.is_some() || title.contains(vocab::TITLE_YEAR_WORD) || opening.contains(vocab::OPENING_YEAR_WORD) {
        return Some(Period::Year);
    }
    None
}

/// The date and issuing body in a signature (`临沧市应急管理局\n2024年12月23日`).
fn read_signature(text: &Text, sig: Span) -> (Option<(Date, Span)>, Option<String>) {
    let s = text.norm();
    let t = &s[sig.range()];
    let (date, before) = match dates::find(t).or_else(|| dates::find_compact(t)) {
        Some((d, sp)) => (Some((d, sp.offset(sig.start))), Span::new(sig.start, sig.start + sp.start)),
        None => (None, sig),
    };
    let org = text::lines(&s[before.range()])
        .map(|l| text::trim(s, l.offset(before.start)))
        .filter(|l| !l.is_empty())
        .last()
        .filter(|l| {
            let o = &s[l.range()];
            chars(o) <= 30
                && !o.contains(vocab::NOT_IN_ISSUER)
                && vocab::ORG_SUFFIXES.iter().any(|suf| o.ends_with(suf))
        })
        .map(|l| text.as_written(l).into_owned());
    (date, org)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `may_hold_label` may skip a line without a colon: every label match ends with one.
    #[test]
    fn every_label_pattern_needs_a_colon() {
        assert!(!META_START.starts("发布时间 2023-03-30") && !FOOTER_START.starts("主办单位 某某局"));
        assert!(!may_hold_label("一、总体情况"));
        assert!(may_hold_label("发布时间:2023-03-30"));
    }

    #[test]
    fn every_footer_token_holds_an_anchor() {
        assert_eq!(FOOTER_TOKENS.tokens.len(), vocab::FOOTER_TOKENS.len());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The lazy count's bounds are the count's.
        #[test]
        fn char_count_bounds_are_the_counts(t in crate::scan::oracle::texts(vec!["a", "中", "é", "𠀀", " "], 60), most in 0usize..70) {
            let mut n = CharCount::of(&t);
            proptest::prop_assert_eq!(n.at_most(most), chars(&t) <= most);
            proptest::prop_assert_eq!(n.at_most(most / 2), chars(&t) <= most / 2);
        }

        /// The last closing formula is the latest (then longest) of each formula's last occurrence.
        #[test]
        fn the_last_closing_is_the_latest_formula(tail in crate::scan::oracle::texts(vec![
            "特此报告", "特此汇报", "专此报告", "以上报告", "特此说明", "特此", "报告", "以上", "。", "\n", "a", "中",
        ], 20)) {
            let want = vocab::CLOSINGS.iter().filter_map(|w| tail.rfind(w).map(|at| (at, w.len()))).max();
            proptest::prop_assert_eq!(last_closing(&tail), want, "{:?}", tail);
        }

        /// The short lines' word test says what `str::contains` says.
        /// The lines passed over before `HEADING_YEAR` are lines it does not match.
        #[test]
        fn year_headings_pass_the_prefilter(t in crate::scan::oracle::texts(vec![
            "一、", "(一)", "1.", "(1)", "12、", "十二、", "2023", "年", "年度", "工作", "情况", "计划", " ", "\t", "。", "a", "中",
        ], 8)) {
            if vocab::HEADING_YEAR.is_match(&t) {
                proptest::prop_assert!(may_be_year_heading(&t), "{:?}", t);
            }
        }

        #[test]
        fn holds_is_contains(t in crate::scan::oracle::texts(vec!["打印", "关闭", "星期", "周", "报告", "打", "印", "a", "ab", "中", "。", "\n"], 12),
                             w in proptest::sample::select(vec!["打印", "关闭", "星期", "周", "报告", "a", "ab", "ba", "印关", ""])) {
            proptest::prop_assert_eq!(holds(&t, w), t.contains(w), "{:?} {:?}", t, w);
        }

        /// The menu test and the footer automaton say what the token list and the `contains` per
        /// footer token (their oracles) said.
        #[test]
        fn menu_and_footer_lines_as_the_oracles_read_them(line in crate::scan::oracle::texts(vec![
            "首页", "登录", "|", " ", "【打印】", "[", "]", "12", "x", "中", "·", "ICP备", "版权所有", "©", "打印", "关闭", "»",
            "扫一扫", "扫", "一", "政府网站找错", "网站", "错", "Copyright", "y", "打印此页", "页", "窗口", "闭", "备", "I",
        ], 10)) {
            let tokens: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || vocab::MENU_SEPARATORS.contains(&c))
                .map(|w| w.trim_matches(vocab::MENU_TOKEN_BRACKETS))
                .filter(|w| !w.is_empty())
                .collect();
            let menu = tokens.iter().any(|w| vocab::MENU_WORDS.contains(w))
                && tokens.iter().all(|w| vocab::MENU_WORDS.contains(w) || w.chars().all(|c| c.is_ascii_digit()));
            proptest::prop_assert_eq!(is_menu_line(&line), menu);
            proptest::prop_assert_eq!(holds_footer_token(&line), vocab::FOOTER_TOKENS.iter().any(|w| line.contains(w)));
        }
    }
}
