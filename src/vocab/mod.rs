//! Domain vocabulary as data: units, set phrases, role keywords, categories,
//! character folding. Stages read these tables; they hold no literals of their own.

mod chars;
pub mod headings;
pub mod page;

pub use chars::simplified;
mod roles;

pub use roles::roles_in;
mod units;

pub use units::{unit_kind, UNITS};
pub mod review;
