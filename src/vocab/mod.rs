//! Domain vocabulary as data: units, set phrases, role keywords, categories,
//! character folding. Stages read these tables; they hold no literals of their own.

pub mod batch;
pub mod consistency;
pub mod chars;
pub mod dates;
pub mod markers;
pub mod regulation;
pub mod headings;
pub mod kinds;
pub mod part_kinds;
pub mod page;

pub use chars::traditional_to_simplified;
pub mod units;

pub mod artifacts;
pub mod messages;
pub mod register;
pub mod review;
pub use units::{DAY_UNIT, PERCENT_UNIT, UNITS, YEAR_UNIT};
pub mod phrases;

pub mod categories;

pub use categories::{category_of, OTHER as OTHER_CATEGORY};
pub mod words;

pub mod numerals;

#[cfg(test)]
mod hygiene;
