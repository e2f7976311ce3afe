//! Planted errors end to end: one number edited in a seed (tests/data/review/planted.toml)
//! must raise the arithmetic finding on that relation — the relations come from the metrics
//! stage, the verdict from the review.

use fazhi_analyzer::{analyze, FindingCode};
use serde::Deserialize;

mod common;

#[derive(Deserialize)]
struct Plants {
    plant: Vec<Plant>,
}

#[derive(Deserialize)]
struct Plant {
    seed: String,
    from: String,
    to: String,
    code: FindingCode,
    at: String,
    message: Vec<String>,
}

#[test]
fn planted_errors_are_found() {
    let plants: Plants = toml::from_str(&common::read("tests/data/review/planted.toml")).unwrap();
    let mut failures = Vec::new();
    for p in &plants.plant {
        let seed = common::read(&format!("tests/fixtures/{}", p.seed));
        assert_eq!(seed.matches(&p.from).count(), 1, "{} must occur once in {}", p.from, p.seed);
        let text = seed.replace(&p.from, &p.to);
        let edited = text.find(&p.to).unwrap() + p.to.find(&p.at).unwrap();
        let edited = text[..edited].encode_utf16().count();
        let a = analyze(&text);
        let hit = a.findings.iter().find(|f| {
            f.code == p.code && f.start.is_some_and(|s| s <= edited) && f.end.is_some_and(|e| e > edited)
        });
        match hit {
            None => failures.push(format!("{} → {}: no {:?} on the edit; findings {:?}", p.from, p.to, p.code,
                a.findings.iter().filter(|f| matches!(f.code, FindingCode::RateMismatch | FindingCode::SumMismatch | FindingCode::RespectivelyMismatch)).collect::<Vec<_>>())),
            Some(f) => {
                for m in &p.message {
                    if !f.message.contains(m.as_str()) {
                        failures.push(format!("{} → {}: message {:?} lacks {m}", p.from, p.to, f.message));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} planted errors missed:\n{}", failures.len(), plants.plant.len(), failures.join("\n"));
}
