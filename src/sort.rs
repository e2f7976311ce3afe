//! The core's stable sort, shared by every call site.
//!
//! `slice::sort_by_key` instantiates the whole of std's stable sort (driftsort and its small
//! sorts, about 6 KB of wasm) for every element type and key closure: 17 copies were 100 KB of
//! the wasm at opt-level "s" (docs/performance.md, "The wasm's sorts shared, its inputs as JSON").
//! Here the elements stay where they are while one non-generic routine sorts their indices (with
//! std's stable sort, which keeps its speed on the presorted runs the core's lists are made of),
//! and the items are then moved into that order: std's sort is instantiated once, for `usize`
//! with one comparator type.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of equal keys: what `items.sort_by_key(key)` does.
pub fn stable_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    stable_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` ascending, keeping the order of equal items: what `items.sort()` does.
pub fn stable<T: Ord>(items: &mut [T]) {
    stable_by(items, T::cmp);
}

fn stable_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// The indices `0..len` in the order `compare` gives them, equal ones by index. Not generic:
/// the one instantiation of std's sort.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves `items[order[i]]` to position `i` for every `i`, one cycle of the permutation at a time
/// (in place: no copy of the items, no `Clone`). Leaves `order` as the identity.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cmp::Reverse;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut words = vec!["bb", "a", "cc", "d", "eee", "f"];
        stable_by_key(&mut words, |w| Reverse(w.len()));
        assert_eq!(words, ["eee", "bb", "cc", "a", "d", "f"]);
    }

    #[test]
    fn owned_items_move_without_clone() {
        struct Owned(String);
        let mut items: Vec<Owned> = ["c", "a", "b", "a"].iter().map(|s| Owned(s.to_string())).collect();
        stable_by_key(&mut items, |o| o.0.clone());
        assert_eq!(items.iter().map(|o| o.0.as_str()).collect::<Vec<_>>(), ["a", "a", "b", "c"]);
    }

    #[test]
    fn empty_and_single_are_left_alone() {
        let mut none: Vec<u8> = vec![];
        stable(&mut none);
        assert!(none.is_empty());
        let mut one = vec![7];
        stable(&mut one);
        assert_eq!(one, [7]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Few distinct keys (many ties) and a payload that tells equal keys apart: the order of
        /// ties is checked, not only the keys'.
        #[test]
        fn same_order_as_std_sort_by_key(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            stable_by_key(&mut ours, |&(k, _)| Reverse(k));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|&(k, _)| Reverse(k));
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn same_order_as_std_sort(items in proptest::collection::vec((0u8..4, 0u8..4), 0..200)) {
            let mut ours = items.clone();
            stable(&mut ours);
            let mut std_sorted = items;
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
