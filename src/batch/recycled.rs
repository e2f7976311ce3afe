//! Recycled text across a batch: passages of one report that repeat another report.
//!
//! Near-duplicates must survive small edits and changed numbers, and a batch of hundreds of
//! reports must take seconds, so this is the search engineer's method rather than an
//! all-pairs diff: each sentence becomes a set of character 4-grams (digits folded, so
//! `15件` and `23件` agree), summarised by a MinHash signature; locality-sensitive hashing
//! over bands of the signature proposes candidate pairs, and only candidates are checked
//! against the exact Jaccard similarity of their shingle sets. Matched sentences are joined
//! into clusters (union–find); consecutive matched sentences of one section become one passage.
//!
//! A passage shared by exactly two reports is reported on the later one (report year, then
//! publication date, then batch order). A passage shared by three or more is a template:
//! reported once, on the last of them in batch order, naming all the others.

use std::collections::HashMap;

use crate::result::{Analysis, Range, Source};
use crate::vocab::batch::{FULL_WIDTH_DIGITS, SENTENCE_BREAK};

/// One report of a batch.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// A passage of `doc` that repeats other reports of the batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    pub doc: usize,
    /// UTF-16 range in the report's text.
    pub range: Range,
    /// Title of the top-level section the passage stands in, if any.
    pub section: Option<String>,
    /// Share (0–1) of that section (or of the body) made of sentences found in the sources.
    pub section_share: f64,
    /// The other reports and where the passage stands in each, in batch order.
    pub sources: Vec<Source>,
}

/// Shingle width in characters: 4-grams keep a paraphrase apart from a copy in Chinese text,
/// where one word is two characters.
const SHINGLE: usize = 4;
/// MinHash signature length = BANDS × ROWS. With 10 bands of 3 rows, a pair of Jaccard 0.5
/// becomes a candidate with probability 1 − (1 − 0.5³)¹⁰ ≈ 0.74, one of 0.7 with ≈ 0.99.
const BANDS: usize = 10;
const ROWS: usize = 3;
/// Exact Jaccard similarity from which two sentences count as the same passage.
const SIMILAR: f64 = 0.5;
/// Sentences shorter than this (in significant characters) carry no passage: headings and
/// slogans (`坚持以习近平法治思想为指导`) are shared by every report and prove nothing.
const MIN_SENTENCE_CHARS: usize = 16;
/// A reported passage has at least this many significant characters.
const MIN_PASSAGE_CHARS: usize = 60;
/// Buckets larger than this link each member to the first one only (a sentence in every
/// report of a large batch would otherwise cost a quadratic number of checks).
const ALL_PAIRS_BUCKET: usize = 24;

/// A sentence of one report: its UTF-16 range and shingle set (sorted, deduplicated).
struct Sentence {
    doc: usize,
    range: Range,
    /// Significant characters (Han, letters, digits): the unit of passage length.
    weight: usize,
    shingles: Vec<u64>,
}

/// Every passage of the batch that repeats another report, in batch and reading order.
pub fn find(docs: &[Doc]) -> Vec<Passage> {
    let sentences: Vec<Sentence> = docs.iter().enumerate().flat_map(|(i, d)| sentences(i, d)).collect();
    let mut clusters = UnionFind::new(sentences.len());
    for (a, b) in candidates(&sentences) {
        if sentences[a].doc != sentences[b].doc && jaccard(&sentences[a].shingles, &sentences[b].shingles) >= SIMILAR {
            clusters.union(a, b);
        }
    }

    let roots: Vec<usize> = (0..sentences.len()).map(|i| clusters.find(i)).collect();
    // Each cluster's members.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &root) in roots.iter().enumerate() {
        members.entry(root).or_default().push(i);
    }
    // For each sentence, the other documents sharing it (sorted, deduplicated).
    let shared_with = |i: usize| -> Vec<usize> {
        let mut others: Vec<usize> =
            members[&roots[i]].iter().map(|&j| sentences[j].doc).filter(|&d| d != sentences[i].doc).collect();
        crate::sort::stable(&mut others);
        others.dedup();
        others
    };

    let mut passages = Vec::new();
    let mut i = 0;
    while i < sentences.len() {
        let others = shared_with(i);
        if others.is_empty() || !reported_here(docs, sentences[i].doc, &others) {
            i += 1;
            continue;
        }
        // Extend over the following sentences of the same document, section and sources.
        let doc = sentences[i].doc;
        let section = section_of(docs[doc].analysis, sentences[i].range.start);
        let mut j = i + 1;
        while j < sentences.len()
            && sentences[j].doc == doc
            && section_of(docs[doc].analysis, sentences[j].range.start) == section
            && shared_with(j) == others
        {
            j += 1;
        }
        let weight: usize = sentences[i..j].iter().map(|s| s.weight).sum();
        if weight >= MIN_PASSAGE_CHARS {
            let group: Vec<usize> = (i..j).collect();
            passages.push(passage(docs, &sentences, &members, &roots, &group, &others, section));
        }
        i = j;
    }
    passages
}

/// Whether a passage of `doc` shared with `others` is reported on `doc`: a pair on the later
/// report, a template once, on the last report of the batch that shares it.
fn reported_here(docs: &[Doc], doc: usize, others: &[usize]) -> bool {
    match others {
        [other] => later(docs, doc, *other),
        _ => others.iter().all(|&o| o < doc),
    }
}

/// Whether `a` is the later of two reports: by report year, then publication date, then order.
fn later(docs: &[Doc], a: usize, b: usize) -> bool {
    let key = |d: usize| {
        let meta = &docs[d].analysis.meta;
        (meta.report_year, meta.published.clone())
    };
    let (ka, kb) = (key(a), key(b));
    if ka.0.is_some() && kb.0.is_some() && ka.0 != kb.0 {
        return ka.0 > kb.0;
    }
    if ka.1.is_some() && kb.1.is_some() && ka.1 != kb.1 {
        return ka.1 > kb.1;
    }
    a > b
}

fn passage(
    docs: &[Doc],
    sentences: &[Sentence],
    members: &HashMap<usize, Vec<usize>>,
    roots: &[usize],
    group: &[usize],
    others: &[usize],
    section: Option<usize>,
) -> Passage {
    let first = &sentences[group[0]];
    let last = &sentences[*group.last().unwrap()];
    let analysis = docs[first.doc].analysis;
    // Where the passage stands in each source: the span of its matching sentences there.
    let sources = others
        .iter()
        .map(|&o| {
            let ranges: Vec<Range> = group
                .iter()
                .flat_map(|&s| members[&roots[s]].iter().filter(|&&m| sentences[m].doc == o).map(|&m| sentences[m].range))
                .collect();
            let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
            let end = ranges.iter().map(|r| r.end).max().unwrap_or(0);
            Source { file: docs[o].file.to_owned(), start, end }
        })
        .collect();
    // The share of the section that repeats these sources.
    let (section_range, title) = section_range(analysis, section);
    let in_section = |s: &Sentence| s.doc == first.doc && s.range.start >= section_range.start && s.range.end <= section_range.end;
    let (mut total, mut copied) = (0usize, 0usize);
    // Sentences are in document order: this document's are one run.
    let from = sentences.partition_point(|s| s.doc < first.doc);
    let to = sentences.partition_point(|s| s.doc <= first.doc);
    for (k, s) in sentences.iter().enumerate().take(to).skip(from).filter(|(_, s)| in_section(s)) {
        total += s.weight;
        let shares = members[&roots[k]].iter().any(|&m| others.contains(&sentences[m].doc));
        if shares {
            copied += s.weight;
        }
    }
    Passage {
        doc: first.doc,
        range: Range { start: first.range.start, end: last.range.end },
        section: title,
        section_share: if total == 0 { 0.0 } else { (copied as f64 / total as f64 * 100.0).round() / 100.0 },
        sources,
    }
}

/// The index of the top-level heading whose section holds UTF-16 offset `at`.
fn section_of(analysis: &Analysis, at: usize) -> Option<usize> {
    analysis.outline.iter().filter(|h| h.level == 1 && h.start <= at).map(|h| h.id).last()
}

/// The range and title of a top-level section, or the body when there is none.
fn section_range(analysis: &Analysis, section: Option<usize>) -> (Range, Option<String>) {
    let Some(id) = section else { return (analysis.body, None) };
    let heading = &analysis.outline[id];
    let end = analysis.outline[id + 1..].iter().find(|h| h.level == 1).map_or(analysis.body.end, |h| h.start);
    (Range { start: heading.start, end }, Some(heading.title.clone()))
}

/// The sentences of a report's body long enough to carry a passage, with their shingles.
fn sentences(doc: usize, d: &Doc) -> Vec<Sentence> {
    let body = d.analysis.body;
    let mut out = Vec::new();
    let (mut start, mut utf16) = (0usize, 0usize);
    let mut folded: Vec<char> = Vec::new();
    let mut flush = |start: usize, end: usize, folded: &mut Vec<char>| {
        if folded.len() >= MIN_SENTENCE_CHARS && start >= body.start && end <= body.end {
            let mut shingles: Vec<u64> = folded.windows(SHINGLE).map(hash_chars).collect();
            shingles.sort_unstable();
            shingles.dedup();
            out.push(Sentence { doc, range: Range { start, end }, weight: folded.len(), shingles });
        }
        folded.clear();
    };
    for c in d.text.chars() {
        utf16 += c.len_utf16();
        if SENTENCE_BREAK.contains(&c) {
            flush(start, utf16, &mut folded);
            start = utf16;
        } else if let Some(f) = fold(c) {
            folded.push(f);
        }
    }
    flush(start, utf16, &mut folded);
    out
}

/// The character a shingle sees: digits as one digit (a changed figure is still a copy),
/// letters in lower case, other ideographs as they are; punctuation and spaces not at all.
fn fold(c: char) -> Option<char> {
    if c.is_ascii_digit() || FULL_WIDTH_DIGITS.contains(&c) {
        Some('0')
    } else if c.is_ascii_alphabetic() {
        Some(c.to_ascii_lowercase())
    } else if c.is_alphanumeric() {
        Some(c)
    } else {
        None
    }
}

/// A 64-bit hash of a few characters (FNV-1a with a final avalanche): deterministic across
/// runs and platforms, so the same batch always gives the same findings.
fn hash_chars(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// SplitMix64's finaliser.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Candidate pairs from LSH buckets over the MinHash signatures.
fn candidates(sentences: &[Sentence]) -> Vec<(usize, usize)> {
    const HASHES: usize = BANDS * ROWS;
    let seeds: [u64; HASHES] = std::array::from_fn(|k| mix(0x9e37_79b9_7f4a_7c15 ^ (k as u64 + 1)));
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, s) in sentences.iter().enumerate() {
        let mut signature = [u64::MAX; HASHES];
        for &sh in &s.shingles {
            for (slot, seed) in signature.iter_mut().zip(&seeds) {
                *slot = (*slot).min(mix(sh ^ seed));
            }
        }
        for (band, rows) in signature.chunks(ROWS).enumerate() {
            let key = rows.iter().fold(band as u64, |acc, &r| mix(acc ^ r));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for bucket in buckets.values() {
        if bucket.len() <= ALL_PAIRS_BUCKET {
            for (k, &a) in bucket.iter().enumerate() {
                pairs.extend(bucket[k + 1..].iter().map(|&b| (a, b)));
            }
        } else {
            pairs.extend(bucket[1..].iter().map(|&b| (bucket[0], b)));
        }
    }
    crate::sort::stable(&mut pairs);
    pairs.dedup();
    pairs
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index as the root keeps cluster ids independent of pair order.
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(s: &str) -> Vec<u64> {
        let folded: Vec<char> = s.chars().filter_map(fold).collect();
        let mut v: Vec<u64> = folded.windows(SHINGLE).map(hash_chars).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn changed_numbers_do_not_change_shingles() {
        assert_eq!(shingles("全年受理行政复议案件15件,办结13件"), shingles("全年受理行政复议案件23件,办结21件"));
    }

    #[test]
    fn a_copy_with_a_small_edit_is_similar_and_a_rewording_is_not() {
        let original = "部分执法人员法治意识不强,运用法治思维和法治方式解决问题的能力有待提高";
        let edited = "部分执法人员法治意识不够强,运用法治思维和法治方式解决问题的能力还有待提高";
        let reworded = "少数干部依法办事观念淡薄,善于用法律手段化解矛盾的本领仍显不足";
        assert!(jaccard(&shingles(original), &shingles(edited)) >= SIMILAR);
        assert!(jaccard(&shingles(original), &shingles(reworded)) < 0.1);
    }

    /// The LSH candidates against the naive oracle: every pair of Jaccard ≥ 0.8 among
    /// edited variants is proposed (at that similarity a miss has probability < 10⁻⁶).
    #[test]
    fn lsh_proposes_every_highly_similar_pair() {
        let base = "严格落实行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度";
        let texts: Vec<String> = (0..30)
            .map(|i| if i % 3 == 0 { format!("{base}第{i}次") } else { format!("完全不同的句子内容编号{i}关于普法宣传教育工作的开展情况") })
            .collect();
        let sentences: Vec<Sentence> = texts
            .iter()
            .enumerate()
            .map(|(doc, t)| Sentence { doc, range: Range::default(), weight: 0, shingles: shingles(t) })
            .collect();
        let proposed = candidates(&sentences);
        for a in 0..sentences.len() {
            for b in a + 1..sentences.len() {
                if jaccard(&sentences[a].shingles, &sentences[b].shingles) >= 0.8 {
                    assert!(proposed.contains(&(a, b)), "pair {a},{b} not proposed");
                }
            }
        }
    }
}
