//! Categories: the domain area of a figure, from its indicator first, then from the
//! titles of the headings it stands under, innermost first (keywords: `vocab::categories`).

use crate::outline::Outline;
use crate::text::Text;
use crate::vocab::{category_of, OTHER_CATEGORY};

pub fn category(text: &Text, outline: &Outline, indicator: &str, heading: Option<usize>) -> String {
    if let Some(c) = category_of(indicator) {
        return c.to_owned();
    }
    let mut h = heading;
    let mut guard = 0;
    while let Some(id) = h {
        let Some(heading) = outline.headings.get(id) else { break };
        if let Some(c) = category_of(text.get(heading.title)) {
            return c.to_owned();
        }
        guard += 1;
        if guard > 16 || heading.parent.is_some_and(|p| p >= id) {
            break;
        }
        h = heading.parent;
    }
    OTHER_CATEGORY.to_owned()
}
