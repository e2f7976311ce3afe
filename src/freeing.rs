//! A list converted item by item into another, the source freed as it goes: the stages'
//! lists of figures and headings are the largest things an analysis holds after the text,
//! and converting one with `into_iter().map().collect()` holds both whole at its end.

/// Every item converted (with its index), the source freed as it is consumed: converted from
/// the back, the source gives its tail back to the allocator an eighth at a time, so the two
/// lists are never both whole (issue 12: a text of little but figures would otherwise hold
/// every figure twice at the end of the analysis).
pub fn convert_freeing<T, U>(mut items: Vec<T>, mut convert: impl FnMut(usize, T) -> U) -> Vec<U> {
    let mut converted = Vec::with_capacity(items.len());
    let step = (items.len() / 8).max(1);
    while let Some(item) = items.pop() {
        converted.push(convert(items.len(), item));
        if items.capacity() - items.len() >= step {
            items.shrink_to_fit();
        }
    }
    converted.reverse();
    converted
}

#[cfg(test)]
mod tests {
    use super::convert_freeing;

    #[test]
    fn converting_while_freeing_keeps_order_and_indices() {
        for n in [0, 1, 2, 7, 8, 9, 63, 64, 65, 1000] {
            let items: Vec<String> = (0..n).map(|i| format!("item {i}")).collect();
            let naive: Vec<(usize, String)> = items.clone().into_iter().enumerate().collect();
            assert_eq!(convert_freeing(items, |i, s| (i, s)), naive, "{n} items");
        }
    }
}
