//! Relations between metrics: breakdowns, 分别 distributions and rate triples.
//!
//! The review checks these arithmetically (rate-mismatch, sum-mismatch,
//! respectively-mismatch), so a wrong relation is a false alarm. Every rule here is
//! conservative: when the structure is not clear, no relation is stated.
//!
//! - Breakdown: a total right before `其中` / `包括` / `具体为` (`X件,其中A件、B件`,
//!   `X项,包括A项、B项`, `X件(其中:…)`); the parts are the metrics of the total's unit up
//!   to the end of the parenthesis or sentence. A sentence that opens with `其中` breaks
//!   down the first figure of that unit in the sentence before (`共受理各类纠纷1398件,…,
//!   调处成功1329件,成功率达95%。其中:医疗纠纷38件…` → 1398). `exhaustive` when the parts
//!   claim to be all of it: `包括`, `具体为`, `分别为` — not a bare `其中`, and not a list
//!   closed by `等`.
//! - Respectively: values right after `分别` (`分别减少24.24%、39.29%、90%`) paired with
//!   the items before it: either the parallel clauses that each end in a figure
//!   (`减少审批材料24个,减少审批程序33个,减少审批时间495天`) or a list of names joined by
//!   、/和/及. Each value takes its item as indicator.
//! - Rate: a rate (`…率`) after two counts of one unit in the same stretch of sentence
//!   (`应报42301户,已报40993户,总年报率为96.91%`), where the numerator is the count right
//!   before the rate, the denominator the one before it, and the numerator's phrase shares
//!   a word with the rate's (`办结176923件,办结率98%`, `调处成功1329件,成功率达95%`).

use std::cell::{Cell, OnceCell};
use std::sync::LazyLock;

use super::ExtractedRelation;
use crate::quantity::Quantity;
use crate::re::{merge, positions_of, CharSet};
use crate::result::MetricKind;
use crate::text::Span;
use crate::vocab::words::{
    ACTUAL_MARKS, BREAKDOWN_HEADS, CLAUSE_ENDS_BUT_LIST as PART_CLAUSE_MARKS_BUT_LIST, BREAKDOWN_TRIGGERS, ET_CETERA, ET_CETERA_STOPS, EXPECTED_MARK, LIST_MARK, NAME_LIST_JOINERS,
    PART_CLAUSE_MARKS, PART_VERB_FRAMING, RATE_SUFFIX, RELATION_SENTENCE_ENDS, RESPECTIVELY, RESPECTIVELY_LEAD_ENDS, TOTAL_CLAUSE_ENDS,
    VALUE_LIST_GAPS,
};
use crate::vocab::PERCENT_UNIT;

pub fn find(s: &str, quantities: &[Quantity], indicators: &mut [String]) -> Vec<ExtractedRelation> {
    let sentences = Sentences::new(s);
    let mut out = Vec::new();
    breakdowns(s, &sentences, quantities, &mut out);
    respectively(s, &sentences, quantities, indicators, &mut out);
    rates(s, &sentences, quantities, indicators, &mut out);
    out
}

/// How far, in bytes, a relation looks for its sentence's ends (about 400 characters of
/// Chinese, longer than any real sentence). Text with no sentence end for pages — a table
/// dump, junk — is then read in windows, so every search stays linear in the text.
const WINDOW: usize = 1200;

/// The most parts, values or items one relation pairs; a longer run is no clear structure.
const MAX_MEMBERS: usize = 40;

/// Where the sentences and parentheses around a figure or trigger end. Each question is answered
/// by a search from its position (a sentence is a few hundred bytes, and a few hundred questions
/// are asked of a report: the index of every sentence end of the text, made up front, was 2.4 M
/// instructions of the 1 MiB mix, 40 % of this stage). The bytes these searches read are counted:
/// past a text's length, the ends are indexed once ([`Index`]) and the index answers, so that a
/// text of triggers without a sentence end, where each search reads a whole [`WINDOW`], stays
/// linear (issue 15).
struct Sentences<'s> {
    s: &'s str,
    /// The bytes the searches may still read before the index is made.
    budget: Cell<usize>,
    index: OnceCell<Index>,
}

/// Where the sentence ends, `(` and `)` are in the whole text.
struct Index {
    /// Byte positions of the sentence-end characters, in order (u32: the input is at most 48 MiB).
    ends: Vec<u32>,
    /// Byte positions of `(` and of `)`, in order: a breakdown asks whether its trigger stands
    /// in an open parenthesis, and a scan of its clause per trigger was most of the time on a
    /// run of triggers (issue 15).
    opens: Vec<u32>,
    closes: Vec<u32>,
}

/// The first of `positions` in `[from, to)`.
fn first_in(positions: &[u32], from: usize, to: usize) -> Option<usize> {
    let k = positions.partition_point(|&p| (p as usize) < from);
    positions.get(k).map(|&p| p as usize).filter(|&p| p < to)
}

/// The last of `positions` in `[from, to)`.
fn last_in(positions: &[u32], from: usize, to: usize) -> Option<usize> {
    let k = positions.partition_point(|&p| (p as usize) < to);
    k.checked_sub(1).map(|k| positions[k] as usize).filter(|&p| p >= from)
}

/// The sentence ends the searches look for: the ASCII ones, and 。 by its last byte.
const ASCII_ENDS: [u8; 3] = [b'\n', b'!', b'?'];
const FULL_STOP: [u8; 3] = [0xE3, 0x80, 0x82];

/// Whether a 。 ends at byte `k` + 1 (its last byte at `k`).
fn full_stop_at(b: &[u8], k: usize) -> bool {
    k >= 2 && b[k - 2..=k] == FULL_STOP
}

impl<'s> Sentences<'s> {
    fn new(s: &'s str) -> Sentences<'s> {
        Sentences::with_budget(s, s.len())
    }

    fn with_budget(s: &'s str, budget: usize) -> Sentences<'s> {
        Sentences { s, budget: Cell::new(budget), index: OnceCell::new() }
    }

    /// The index, once the searches have read their budget.
    fn index(&self) -> Option<&Index> {
        self.index.get()
    }

    /// Counts `bytes` read by a search; the index is made when the budget is spent.
    fn spend(&self, bytes: usize) {
        let left = self.budget.get();
        if bytes < left {
            self.budget.set(left - bytes);
        } else {
            self.budget.set(0);
            self.index.get_or_init(|| {
                // Past 4 GiB (never, after `validate`) nothing is indexed: the windows bound the search.
                // A vectorised search per mark (`re::positions_of`): a pass over every byte with a table
                // look-up each was half of this stage's instructions on the 1 MiB mix.
                let [ends, opens, closes] = [RELATION_SENTENCE_ENDS, &['('], &[')']].map(|set| positions_of(self.s, set));
                Index { ends, opens, closes }
            });
        }
    }

    /// The last sentence end in `[from, to)` (its first byte).
    fn last_end(&self, from: usize, to: usize) -> Option<usize> {
        if let Some(index) = self.index() {
            return last_in(&index.ends, from, to);
        }
        let b = self.s.as_bytes();
        let ascii = memchr::memrchr3(ASCII_ENDS[0], ASCII_ENDS[1], ASCII_ENDS[2], &b[from..to]).map(|k| from + k);
        // A 。 after it: its last byte, two bytes after its start, searched back from `to`.
        let after = ascii.map_or(from, |k| k + 1);
        let mut end = to;
        let found = loop {
            match memchr::memrchr(FULL_STOP[2], &b[after..end]).map(|k| after + k) {
                Some(k) if k >= after + 2 && full_stop_at(b, k) => break Some(k - 2),
                Some(k) => end = k,
                None => break ascii,
            }
        };
        self.spend(to - found.unwrap_or(from));
        found
    }

    /// The first sentence end in `[from, to)`.
    fn first_end(&self, from: usize, to: usize) -> Option<usize> {
        if let Some(index) = self.index() {
            return first_in(&index.ends, from, to);
        }
        let b = self.s.as_bytes();
        let ascii = memchr::memchr3(ASCII_ENDS[0], ASCII_ENDS[1], ASCII_ENDS[2], &b[from..to]).map(|k| from + k);
        // A 。 that starts before it (or before `to`): its last byte is at most two bytes on.
        let before = ascii.unwrap_or(to);
        let (lo, hi) = ((from + 2).min(b.len()), (before + 2).min(b.len()));
        let mut at = lo;
        let found = loop {
            match memchr::memchr(FULL_STOP[2], &b[at..hi.max(at)]).map(|k| at + k) {
                Some(k) if full_stop_at(b, k) => break Some(k - 2),
                Some(k) => at = k + 1,
                None => break ascii,
            }
        };
        self.spend(found.unwrap_or(to) - from);
        found
    }

    /// Whether `[from, pos)` has a `(` not closed before `pos`.
    fn open_paren_between(&self, from: usize, pos: usize) -> bool {
        let last_open = match self.index() {
            Some(index) => last_in(&index.opens, from, pos),
            None => {
                let found = memchr::memrchr(b'(', &self.s.as_bytes()[from..pos]).map(|k| from + k);
                self.spend(pos - found.unwrap_or(from));
                found
            }
        };
        last_open.is_some_and(|o| self.first_close(o, pos).is_none())
    }

    /// The first `)` in `[from, to)`.
    fn first_close(&self, from: usize, to: usize) -> Option<usize> {
        if let Some(index) = self.index() {
            return first_in(&index.closes, from, to);
        }
        let found = memchr::memchr(b')', &self.s.as_bytes()[from..to]).map(|k| from + k);
        self.spend(found.unwrap_or(to) - from);
        found
    }

    /// Whether the first of `ET_CETERA_STOPS` in `[from, to)` is 等: a list that closes with it.
    ///
    /// Searched for each breakdown, not indexed: the stops hold the comma, and an index of every
    /// comma of the text cost more than the searches (5 M instructions on the 1 MiB mix, one
    /// memchr call per comma); a breakdown's stretch is at most a sentence ([`WINDOW`]), and the
    /// search a vectorised one (`re::CharSet`), so a text of nothing but breakdowns without a
    /// stop costs a bounded search per breakdown (issue 15).
    fn closes_with_et_cetera(&self, from: usize, to: usize) -> bool {
        let stretch = self.s.get(from..to).unwrap_or("");
        static STOPS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(ET_CETERA_STOPS));
        STOPS.find(stretch).is_some_and(|p| stretch[p..].starts_with(ET_CETERA))
    }

    /// Start of the sentence containing `pos` (at most [`WINDOW`] bytes back): just after the
    /// last sentence end before `pos`.
    fn start(&self, pos: usize) -> usize {
        let from = crate::text::floor_char_boundary(self.s, pos.saturating_sub(WINDOW));
        match self.last_end(from, pos) {
            Some(end) => end + self.s[end..].chars().next().map_or(0, char::len_utf8),
            None => from,
        }
    }

    /// End of the sentence containing `pos` (at most [`WINDOW`] bytes on): the first sentence
    /// end at or after `pos`.
    fn end(&self, pos: usize) -> usize {
        let to = crate::text::floor_char_boundary(self.s, pos.saturating_add(WINDOW));
        self.first_end(pos, to).unwrap_or(to)
    }
}

/// Metric indices whose span lies inside `[from, to)`.
fn metrics_in(quantities: &[Quantity], from: usize, to: usize) -> std::ops::Range<usize> {
    let a = quantities.partition_point(|q| q.span.start < from);
    let b = quantities.partition_point(|q| q.span.end <= to);
    a..b.max(a)
}

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    a.unit == b.unit && a.kind == b.kind
}

/// Where the breakdown triggers' first words stand in the text (start, end), in order: every
/// trigger starts with one of them and each of them is a trigger, so a stretch has a trigger
/// exactly where one of these lies inside it. Found once, by one vectorised substring search per
/// word (the automaton over the whole body cost more), merged in order; the words share no
/// character, so no two overlap. (A `contains` per trigger built a searcher per word and gap,
/// twice per part; an automaton's search ~550 instructions a gap, a word table's walk ~270.)
struct Heads(Vec<(usize, usize)>);

impl Heads {
    fn new(s: &str) -> Heads {
        // Each word's list is in order: the lists are merged, not sorted (the shared sort, a
        // comparison by a dynamic call, was a sixth of this stage's time in the wasm).
        let mut heads: Vec<(usize, usize)> = Vec::new();
        for h in BREAKDOWN_HEADS {
            let found: Vec<(usize, usize)> = memchr::memmem::find_iter(s.as_bytes(), h.as_bytes()).map(|at| (at, at + h.len())).collect();
            heads = merge(&heads, &found);
        }
        Heads(heads)
    }

    /// Whether one of the words lies inside `[from, to)`: the first that starts there is the
    /// one to ask, as those after it end later.
    fn within(&self, from: usize, to: usize) -> bool {
        let k = self.0.partition_point(|&(at, _)| at < from);
        self.0.get(k).is_some_and(|&(_, end)| end <= to)
    }
}

fn breakdowns(s: &str, sentences: &Sentences, quantities: &[Quantity], out: &mut Vec<ExtractedRelation>) {
    let mut seen_trigger_end = 0;
    let heads = Heads::new(s);
    for &(pos, _) in &heads.0 {
        if pos < seen_trigger_end {
            continue;
        }
        let Some(&(word, exhaustive_word)) = BREAKDOWN_TRIGGERS.iter().find(|(w, _)| s[pos..].starts_with(w)) else { continue };
        let trigger = Span::new(pos, pos + word.len());
        seen_trigger_end = trigger.end;
        // Scope of the parts: to the closing parenthesis when the trigger opens one, else
        // to the end of the sentence.
        let before_trigger = s[..pos].trim_end_matches([' ', ':']);
        // `(包括行政许可17项…)` after a noun: an unclosed ( in the clause before.
        let (sent_start, sentence_end) = (sentences.start(pos), sentences.end(pos));
        let in_paren = before_trigger.ends_with('(') || sentences.open_paren_between(sent_start, pos);
        let end = if in_paren { sentences.first_close(pos, sentence_end).unwrap_or(sentence_end) } else { sentence_end };
        let after = metrics_in(quantities, trigger.end, end);
        if after.is_empty() {
            continue;
        }
        let first_part = after.start;
        // The total: the figure right before the trigger (at most a short noun between),
        // or, for a sentence that opens with 其中, the first figure of the parts' unit in
        // the sentence before.
        let opens_sentence = s[sent_start..pos].trim().is_empty();
        let total = if opens_sentence {
            let prev_end = s[..sent_start].char_indices().next_back().map_or(0, |(i, _)| i);
            let prev_start = sentences.start(prev_end);
            metrics_in(quantities, prev_start, sent_start).find(|&i| same_unit(&quantities[i], &quantities[first_part]))
        } else {
            let before = quantities.partition_point(|q| q.span.end <= pos);
            before.checked_sub(1).filter(|&i| {
                let gap = &s[quantities[i].span.end..pos];
                quantities[i].span.start >= sent_start && gap.chars().count() <= 16 && !gap.contains(TOTAL_CLAUSE_ENDS)
            })
            .and_then(|i| list_total(s, quantities, i, sent_start))
        };
        let Some(total) = total else { continue };
        // Parts are parallel: each names its item and states its figure. A clause that
        // opens with a verb (`…,列入严重违法失信企业6户`) states a new fact and ends the
        // list, as does the next breakdown trigger.
        let mut parts: Vec<usize> = Vec::new();
        let mut prev_end = trigger.end;
        for i in after {
            // The next trigger opens a breakdown of its own.
            if heads.within(prev_end.min(quantities[i].span.start), quantities[i].span.start) || parts.len() == MAX_MEMBERS {
                break;
            }
            prev_end = quantities[i].span.end;
            let clause_start = s[trigger.end..quantities[i].span.start]
                .char_indices()
                .rev()
                .find(|&(_, c)| PART_CLAUSE_MARKS.contains(&c))
                .map_or(trigger.end, |(k, c)| trigger.end + k + c.len_utf8());
            let clause = &s[clause_start..quantities[i].span.start];
            if clause_start > trigger.end && heads.within(clause_start, quantities[i].span.start) {
                break;
            }
            if opens_with_verb(clause) {
                break;
            }
            if same_unit(&quantities[i], &quantities[total]) {
                parts.push(i);
            }
        }
        if parts.is_empty() || quantities[total].kind == MetricKind::Percent || quantities[total].range {
            continue;
        }
        let last_end = quantities[*parts.last().unwrap_or(&total)].span.end;
        let closes_with_deng = sentences.closes_with_et_cetera(last_end, end);
        let exhaustive = exhaustive_word && !closes_with_deng;
        let span = quantities[total].span.cover(Span::new(pos, last_end));
        out.push(ExtractedRelation::Breakdown { total, parts, exhaustive, span });
    }
}

/// How far apart, in characters, two values of one 、 list may stand (`撤销30件、责令履职8件`).
const LIST_GAP_CHARS: usize = 12;

/// The total a breakdown right after figure `last` divides. When `last` closes a 、 list of
/// figures of its unit (`纠错90件,结果分别为撤销30件、责令履职8件、确认违法52件,其中…`),
/// the 其中 divides the list's total, not its last item: the figure earlier in the sentence
/// that the list adds up to, or nothing when no figure does (no relation is better than a
/// wrong one).
fn list_total(s: &str, quantities: &[Quantity], last: usize, sent_start: usize) -> Option<usize> {
    let mut first = last;
    while let Some(prev) = first.checked_sub(1) {
        let (a, b) = (&quantities[prev], &quantities[first]);
        let gap = &s[a.span.end..b.span.start];
        let listed = gap.contains(LIST_MARK) && !gap.contains(PART_CLAUSE_MARKS_BUT_LIST) && gap.chars().count() <= LIST_GAP_CHARS;
        if a.span.start < sent_start || !same_unit(a, b) || !listed || last - prev >= MAX_MEMBERS {
            break;
        }
        first = prev;
    }
    if first == last {
        return Some(last);
    }
    let list = &quantities[first..=last];
    if list.iter().any(|q| q.approx.is_some() || q.range) {
        return None;
    }
    let sum: f64 = list.iter().map(|q| q.value).sum();
    (0..first).rev().take_while(|&k| quantities[k].span.start >= sent_start).find(|&k| {
        let q = &quantities[k];
        same_unit(q, &quantities[last]) && q.approx.is_none() && !q.range && (q.value - sum).abs() <= 1e-9 * sum.abs().max(1.0)
    })
}

/// Whether a clause opens with a verb that states a new fact (after framing words).
fn opens_with_verb(clause: &str) -> bool {
    let stripped = super::indicator::strip(clause, false);
    super::indicator::starts_with_verb(stripped.trim_start_matches(PART_VERB_FRAMING))
}

/// Separators allowed between the values of one list: `24.24%、39.29%、90%`.
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim();
    g.is_empty() || VALUE_LIST_GAPS.contains(&g)
}

fn respectively(s: &str, sentences: &Sentences, quantities: &[Quantity], indicators: &mut [String], out: &mut Vec<ExtractedRelation>) {
    for pos in memchr::memmem::find_iter(s.as_bytes(), RESPECTIVELY.as_bytes()) {
        let from = pos + RESPECTIVELY.len();
        // Values: the first figure within a few characters after 分别, then figures
        // separated only by list punctuation.
        let first = quantities.partition_point(|q| q.span.start < from);
        let Some(q0) = quantities.get(first) else { continue };
        let lead = &s[from..q0.span.start];
        if lead.chars().count() > 6 || lead.contains(RESPECTIVELY_LEAD_ENDS) {
            continue;
        }
        let mut values = vec![first];
        while let Some(next) = quantities.get(values.len() + first).filter(|_| values.len() < MAX_MEMBERS) {
            let prev = &quantities[first + values.len() - 1];
            if !is_list_gap(&s[prev.span.end..next.span.start]) || !same_unit(prev, next) {
                break;
            }
            values.push(first + values.len());
        }
        if values.len() < 2 {
            continue;
        }
        let Some(items) = items_before(s, sentences, quantities, indicators, pos) else { continue };
        if items.len() < 2 {
            continue;
        }
        if items.len() == values.len() {
            for ((span, metric), &v) in items.iter().zip(&values) {
                indicators[v] = match metric {
                    Some(m) => indicators[*m].clone(),
                    None => s[span.range()].to_owned(),
                };
            }
        }
        let start = items[0].0.start.min(pos);
        let span = Span::new(start, quantities[*values.last().unwrap_or(&first)].span.end);
        out.push(ExtractedRelation::Respectively { items, values, span });
    }
}

/// The items 分别 distributes over: the parallel clauses before it that each end in a
/// figure, or a list of names joined by 、/和/及 right before it.
fn items_before(s: &str, sentences: &Sentences, quantities: &[Quantity], indicators: &[String], pos: usize) -> Option<Vec<(Span, Option<usize>)>> {
    let sent_start = sentences.start(pos);
    let head = &s[sent_start..pos];
    let head_trim = head.trim_end_matches([',', ' ']);
    // Parallel clauses ending in figures: walk back clause by clause.
    // (clause start, figure) first, their names only once the list is known to be short
    // enough: a run of such clauses is otherwise one substring search per clause per 分别.
    let mut clauses = Vec::new();
    let mut clause_end = sent_start + head_trim.len();
    loop {
        let clause_start = s[sent_start..clause_end].rfind([',', ';']).map_or(sent_start, |i| sent_start + i + 1);
        let last = quantities.partition_point(|q| q.span.end <= clause_end);
        let Some(m) = last.checked_sub(1) else { break };
        if quantities[m].span.end != clause_end || quantities[m].span.start < clause_start {
            break;
        }
        clauses.push((clause_start, m));
        if clauses.len() > MAX_MEMBERS {
            return None;
        }
        if clause_start == sent_start || s[..clause_start].ends_with(';') {
            break;
        }
        clause_end = clause_start - 1;
    }
    if !clauses.is_empty() {
        let items = clauses
            .into_iter()
            .rev()
            .map(|(clause_start, m)| {
                let ind = &indicators[m];
                let span = s[clause_start..quantities[m].span.start]
                    .rfind(ind.as_str())
                    .filter(|_| !ind.is_empty())
                    .map_or(quantities[m].span, |i| Span::new(clause_start + i, clause_start + i + ind.len()));
                (span, Some(m))
            })
            .collect();
        return Some(items);
    }
    // A list of names: the clause right before 分别 without any figure.
    let clause_start = head.rfind([',', ';', ':']).map_or(sent_start, |i| sent_start + i + 1);
    let clause = &s[clause_start..pos];
    if metrics_in(quantities, clause_start, pos).next().is_some() || !clause.contains(NAME_LIST_JOINERS) {
        return None;
    }
    let mut items = Vec::new();
    let mut start = clause_start;
    for (i, c) in clause.char_indices().chain([(clause.len(), ',')]) {
        if c == ',' || NAME_LIST_JOINERS.contains(&c) {
            let at = clause_start + i;
            let item = crate::text::trim(s, Span::new(start, at));
            if !item.is_empty() {
                items.push((item, None));
            }
            start = at + c.len_utf8();
        }
    }
    Some(items)
}

/// Words shared by a count's phrase and a rate's name (`办结` ~ `办结率`, `成功` ~ `成功率`).
/// Each two characters of the stem in turn are a slice of it, looked for by memchr's substring
/// search (on a phrase, its short-haystack search): not a `String` and a `str` searcher built per
/// pair.
fn shares_word(a: &str, b: &str) -> bool {
    let stem = b.trim_end_matches(RATE_SUFFIX);
    let found = |word: &str| memchr::memmem::find(a.as_bytes(), word.as_bytes()).is_some();
    let mut bounds = stem.char_indices().map(|(i, _)| i).chain(std::iter::once(stem.len()));
    let (Some(mut x), Some(mut y)) = (bounds.next(), bounds.next()) else { return false };
    let mut pairs = 0;
    for z in bounds {
        if found(&stem[x..z]) {
            return true;
        }
        pairs += 1;
        (x, y) = (y, z);
    }
    // A stem of one character: that character.
    pairs == 0 && found(&stem[x..y])
}

fn rates(s: &str, sentences: &Sentences, quantities: &[Quantity], indicators: &[String], out: &mut Vec<ExtractedRelation>) {
    for (r, q) in quantities.iter().enumerate() {
        if q.kind != MetricKind::Percent || q.unit != PERCENT_UNIT || !indicators[r].ends_with(RATE_SUFFIX) || indicators[r].contains(LIST_MARK) {
            continue;
        }
        // The stretch: this sentence, after the previous percentage.
        let start = sentences.start(q.span.start);
        let start = match r.checked_sub(1) {
            Some(p) if quantities[p].span.end > start && quantities[p].kind == MetricKind::Percent => quantities[p].span.end,
            _ => start,
        };
        let counts: Vec<usize> = metrics_in(quantities, start, q.span.start)
            .filter(|&i| quantities[i].kind == MetricKind::Count && quantities[i].approx.is_none() && !quantities[i].range)
            .collect();
        let [.., den, num] = counts[..] else { continue };
        if !same_unit(&quantities[den], &quantities[num]) {
            continue;
        }
        // The numerator names what the rate counts; 应/已 pairs name it by those words.
        let text_num = &s[sentences.start(quantities[num].span.start).max(quantities[den].span.end)..quantities[num].span.start];
        let paired = (indicators[den].contains(EXPECTED_MARK) && ACTUAL_MARKS.iter().any(|w| text_num.contains(w))) || shares_word(&indicators[num], &indicators[r]) || shares_word(text_num, &indicators[r]);
        if !paired {
            continue;
        }
        let span = quantities[den].span.cover(q.span);
        out.push(ExtractedRelation::Rate { numerator: num, denominator: den, rate: r, span });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::re::WordTable;

    /// The scans the indexes replaced, as they were written: the oracles.
    fn open_paren_by_scan(s: &str, from: usize, pos: usize) -> bool {
        let clause = &s[from..pos];
        clause.rfind('(').is_some_and(|o| !clause[o..].contains(')'))
    }

    fn close_by_scan(s: &str, from: usize, to: usize) -> Option<usize> {
        s[from..to].find(')').map(|i| from + i)
    }

    fn et_cetera_by_scan(s: &str, from: usize, to: usize) -> bool {
        s[from..to].trim_start_matches(|c: char| !ET_CETERA_STOPS.contains(&c)).starts_with(ET_CETERA)
    }

    /// The sentence's bounds by a scan of the window, character by character.
    fn start_by_scan(s: &str, pos: usize) -> usize {
        let from = crate::text::floor_char_boundary(s, pos.saturating_sub(WINDOW));
        s[from..pos].char_indices().rev().find(|(_, c)| RELATION_SENTENCE_ENDS.contains(c)).map_or(from, |(i, c)| from + i + c.len_utf8())
    }

    fn end_by_scan(s: &str, pos: usize) -> usize {
        let to = crate::text::floor_char_boundary(s, pos.saturating_add(WINDOW));
        s[pos..to].char_indices().find(|(_, c)| RELATION_SENTENCE_ENDS.contains(c)).map_or(to, |(i, _)| pos + i)
    }

    fn pieces() -> Vec<&'static str> {
        // `。` and the characters that share its last byte (`傂`, E5 82 82) or its first two (`、`).
        vec!["(", ")", "等", ",", ";", "。", "\n", "其中", "3件", "a", "中", "(包括", "等)", "其", "具体为", "具体", "包括", "包", "!", "?", "傂", "、", "\u{3082}"]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_indexes_answer_as_the_scans_did(
            parts in proptest::collection::vec(proptest::sample::select(pieces()), 0..40),
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let s: String = parts.concat();
            let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let (from, to) = (x.min(y), x.max(y));
            // Searched (a budget that lasts), indexed from the first question, and indexed on the way.
            for budget in [usize::MAX, 0, 7] {
                let sentences = Sentences::with_budget(&s, budget);
                for _ in 0..2 {
                    proptest::prop_assert_eq!(sentences.open_paren_between(from, to), open_paren_by_scan(&s, from, to), "{:?} {}..{}", s, from, to);
                    proptest::prop_assert_eq!(sentences.first_close(from, to), close_by_scan(&s, from, to), "{:?} {}..{}", s, from, to);
                    proptest::prop_assert_eq!(sentences.closes_with_et_cetera(from, to), et_cetera_by_scan(&s, from, to), "{:?} {}..{}", s, from, to);
                    proptest::prop_assert_eq!(sentences.start(to), start_by_scan(&s, to), "{:?} {}", s, to);
                    proptest::prop_assert_eq!(sentences.end(from), end_by_scan(&s, from), "{:?} {}", s, from);
                }
            }
            // The heads' positions answer what a word table's walk of the stretch answered.
            let walk = WordTable::new(BREAKDOWN_HEADS.iter().copied());
            proptest::prop_assert_eq!(Heads::new(&s).within(from, to), walk.occurrences(&s[from..to]).next().is_some(), "{:?} {}..{}", s, from, to);
            // Merged, the heads are in the order a sort of all of them gives.
            let mut sorted: Vec<(usize, usize)> = BREAKDOWN_HEADS.iter().flat_map(|h| s.match_indices(h).map(|(at, _)| (at, at + h.len()))).collect();
            sorted.sort();
            proptest::prop_assert_eq!(Heads::new(&s).0, sorted, "{:?}", s);
        }
    }

    /// The pair test as it was written: the oracle of `shares_word`.
    fn shares_word_by_strings(a: &str, b: &str) -> bool {
        let stem = b.trim_end_matches(RATE_SUFFIX);
        let chars: Vec<char> = stem.chars().collect();
        chars.windows(2).any(|w| a.contains(&w.iter().collect::<String>())) || (chars.len() == 1 && a.contains(chars[0]))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn words_are_shared_as_the_string_search_found(
            a in proptest::collection::vec(proptest::sample::select(vec!["办", "结", "率", "成功", "a", "é", "𠀀", "办结", "件", ","]), 0..12),
            b in proptest::collection::vec(proptest::sample::select(vec!["办", "结", "率", "成功", "a", "é", "𠀀", "调处"]), 0..5),
        ) {
            let (a, b) = (a.concat(), b.concat());
            proptest::prop_assert_eq!(shares_word(&a, &b), shares_word_by_strings(&a, &b), "{:?} {:?}", a, b);
        }
    }

    #[test]
    fn words_shared_on_hand_checked_cases() {
        assert!(shares_word("办结176923件", "办结率"));
        assert!(shares_word("调处成功", "成功率"));
        assert!(!shares_word("受理案件", "办结率"));
        // A stem of one character is looked for alone; none is nothing shared.
        assert!(shares_word("结案", "结率"));
        assert!(!shares_word("结案", "率"));
    }

    #[test]
    fn the_indexes_on_hand_checked_cases() {
        let s = "共12件(其中3件)等,其中(包括2项";
        let sentences = Sentences::new(s);
        let at = |w: &str| s.find(w).unwrap();
        // Inside the first parenthesis, before it closes: open; after it closes: not.
        assert!(sentences.open_paren_between(0, at("3件")));
        assert!(!sentences.open_paren_between(0, at("等")));
        // The second ( is never closed.
        assert!(sentences.open_paren_between(at(","), s.len()));
        assert_eq!(sentences.first_close(0, s.len()), Some(at(")")));
        assert_eq!(sentences.first_close(at("等"), s.len()), None);
        // After 3件 the first stop is ), not 等; after ) it is 等.
        assert!(!sentences.closes_with_et_cetera(at("3件"), s.len()));
        assert!(sentences.closes_with_et_cetera(at(")") + 1, s.len()));
    }
}
