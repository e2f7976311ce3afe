//! Domain vocabulary as data: units, set phrases, role keywords, categories,
//! character folding. Stages read these tables; they hold no literals of their own.

pub mod batch;
pub mod consistency;
pub mod chars;
pub mod dates;
pub mod markers;
pub mod regulation;
pub mod headings;
pub mod page;

pub use chars::simplified;
mod units;

pub mod review;
pub use units::{unit_blocked, unit_info, UNITS};
mod phrases;

pub use phrases::{PLAN_WORDS, SET_PHRASES};
mod categories;

pub use categories::{category_of, OTHER as OTHER_CATEGORY};
mod words;

pub use words::{CHANGE_VERBS, LEADING, LIGHT_VERBS, RIGHT_STOPS, STOP_EXCEPTIONS, TRAILING, VERBS};
mod numerals;

pub use numerals::chinese_digit;
