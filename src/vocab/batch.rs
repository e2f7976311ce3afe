//! Vocabulary of the cross-report checks (`batch`).

/// Where a sentence ends for recycled-text matching, as written (before folding): the
/// full stops, question and exclamation marks and semicolons, full-width and ASCII.
pub const SENTENCE_BREAK: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

/// Full-width digits: a shingle reads them as digits, like ASCII ones (before folding).
pub const FULL_WIDTH_DIGITS: std::ops::RangeInclusive<char> = '０'..='９';
