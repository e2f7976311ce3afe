//! Numbering: an enumeration that skips a number (一是 … 三是) or repeats one (三是 … 三是).
//!
//! Siblings are compared within one family under one parent, in document order, so a new
//! parent restarts the count, and 一是 and 第一 lists under the same heading are
//! separate. A list that starts again at 1 under the same parent is a new list; a list
//! that starts where the previous list of its family and level stopped carries the
//! numbering on (documents that number 1、 2、 … straight through their sections).

use std::collections::BTreeMap;

use crate::outline::{Family, Outline, OutlineHeading};
use crate::result::{FindingCode, Severity};
use crate::text::Text;

use super::ReviewFinding;
use crate::vocab::messages::Message;

/// One number for a family and something else of a heading's (its parent, its level): distinct
/// for distinct pairs (the families are fewer than 16).
fn family_key(n: usize, family: Family) -> usize {
    n << 4 | family as usize
}

/// Sibling lists: one per parent and family, split where a list restarts at 1; in the order
/// they start, each in document order. All of them in one vector (`order`, the list `k` being
/// `order[starts[k]..starts[k + 1]]`), grouped by a counting sort, not a vector per list.
fn sibling_lists(outline: &Outline) -> (Vec<&OutlineHeading>, Vec<usize>) {
    // Each numbered heading's list. Keyed by parent and family as one number, in an ordered
    // map: a few comparisons per heading instead of hashing with SipHash (a quarter of the
    // check's time), and the map's code the one `Taken` has (`usize` to `usize`) rather than
    // another copy in the wasm.
    let mut open: BTreeMap<usize, usize> = BTreeMap::new();
    let mut members: Vec<(usize, &OutlineHeading)> = Vec::with_capacity(outline.headings.len());
    let mut lists = 0;
    for h in &outline.headings {
        if h.number.is_none() || h.family == Family::RunIn {
            continue;
        }
        let key = family_key(h.parent.map_or(0, |p| p + 1), h.family);
        let list = match open.get(&key) {
            Some(&list) if h.number != Some(1) => list,
            _ => {
                open.insert(key, lists);
                lists += 1;
                lists - 1
            }
        };
        members.push((list, h));
    }
    let mut starts = vec![0; lists + 1];
    for &(list, _) in &members {
        starts[list + 1] += 1;
    }
    for k in 0..lists {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut order: Vec<Option<&OutlineHeading>> = vec![None; members.len()];
    for (list, h) in members {
        order[next[list]] = Some(h);
        next[list] += 1;
    }
    (order.into_iter().flatten().collect(), starts)
}

pub fn check(text: &Text, outline: &Outline) -> Vec<ReviewFinding> {
    let (order, starts) = sibling_lists(outline);
    let mut nums: Vec<u32> = Vec::new();
    let mut findings = Vec::new();
    // Documents that number continuously across sections (一、 1、 2、 二、 3、 4、): the
    // last number of each family at each level, to recognise a list that carries on.
    let mut carried: BTreeMap<usize, usize> = BTreeMap::new();
    for bounds in starts.windows(2) {
        let list = &order[bounds[0]..bounds[1]];
        nums.clear();
        nums.extend(list.iter().filter_map(|h| h.number));
        let (family, level) = (list[0].family, list[0].level);
        let before = carried.insert(family_key(level as usize, family), nums[nums.len() - 1] as usize).map(|n| n as u32);
        // `1、` lists are written with 、: say the numbers the way the document does.
        let sep = list[0].marker;
        let sep = text.get(sep).chars().last().filter(|_| family == Family::NumDot);
        let render = |k: u32| match sep {
            Some(c) => format!("{k}{c}"),
            None => family.render(k),
        };
        for (i, h) in list.iter().enumerate() {
            let n = nums[i];
            // Rendered only for a finding (most headings have none).
            let here = || render(n);
            let message = if i == 0 {
                match before {
                    _ if n <= 1 => None,
                    Some(last) if last + 1 == n => None,
                    Some(last) if last > 1 && n > last + 1 => {
                        let missing = (last + 1..n).take(3).map(render).collect();
                        Some((
                            FindingCode::NumberingGap,
                            Message::NumberingGapAcrossParts { last: render(last), here: here(), missing },
                        ))
                    }
                    _ => Some((FindingCode::NumberingGap, Message::NumberingGapAtStart { here: here(), first: render(1) })),
                }
            } else {
                let m = nums[i - 1];
                let typo_before = i >= 2 && m == nums[i - 2] + 2;
                if n == m && typo_before {
                    // 一是 三是 三是: the first 三是 stands where 二是 belongs; one finding.
                    Some((
                        FindingCode::NumberingDuplicate,
                        Message::NumberingDuplicateTypo { here: here(), meant: render(n - 1) },
                    ))
                } else if n == m {
                    Some((FindingCode::NumberingDuplicate, Message::NumberingDuplicate { here: here() }))
                } else if n < m {
                    Some((
                        FindingCode::NumberingDuplicate,
                        Message::NumberingBackwards { here: here(), previous: render(m) },
                    ))
                } else if n > m + 1 && !(n == m + 2 && nums.get(i + 1) == Some(&n)) {
                    let missing = (m + 1..n).take(3).map(render).collect();
                    Some((
                        FindingCode::NumberingGap,
                        Message::NumberingGap { previous: render(m), here: here(), missing },
                    ))
                } else {
                    None
                }
            };
            if let Some((code, message)) = message {
                findings.push(ReviewFinding::new(code, Severity::Warning, message, Some(h.marker)));
            }
        }
    }
    crate::sort::stable_by_key(&mut findings, |f| f.span.map(|s| s.start));
    findings
}
