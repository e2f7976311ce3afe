//! Categories: the domain area of a figure, from its indicator first, then from the
//! titles of the headings it stands under, innermost first (keywords: `vocab::categories`).

use crate::outline::Outline;
use crate::text::Text;
use crate::vocab::{category_of, OTHER_CATEGORY};

/// The category each heading's own title names, read once per heading (not once per figure).
pub struct HeadingCategories<'a> {
    text: &'a Text,
    outline: &'a Outline,
    titles: Vec<Option<Option<&'static str>>>,
}

impl<'a> HeadingCategories<'a> {
    pub fn new(text: &'a Text, outline: &'a Outline) -> HeadingCategories<'a> {
        HeadingCategories { text, outline, titles: vec![None; outline.headings.len()] }
    }

    fn of_title(&mut self, id: usize) -> Option<&'static str> {
        let heading = &self.outline.headings[id];
        *self.titles[id].get_or_insert_with(|| category_of(self.text.get(heading.title)))
    }

    pub fn category(&mut self, indicator: &str, heading: Option<usize>) -> &'static str {
        if let Some(c) = category_of(indicator) {
            return c;
        }
        let mut h = heading;
        let mut guard = 0;
        while let Some(id) = h {
            let Some(heading) = self.outline.headings.get(id) else { break };
            let parent = heading.parent;
            if let Some(c) = self.of_title(id) {
                return c;
            }
            guard += 1;
            if guard > 16 || parent.is_some_and(|p| p >= id) {
                break;
            }
            h = parent;
        }
        OTHER_CATEGORY
    }
}
