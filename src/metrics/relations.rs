//! Relations between metrics: breakdowns, 分别 distributions and rate triples.

use super::Relation;
use crate::quantity::Quantity;

pub fn find(_s: &str, _quantities: &[Quantity], _indicators: &mut [String]) -> Vec<Relation> {
    Vec::new()
}
