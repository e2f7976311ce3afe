//! The four required parts of an annual report (督察工作规定 第二十五条, see
//! `vocab::regulation`): which heading carries each, and `section-missing` for the ones not found.
//!
//! Headings name their part through `parts` (outline). Two gaps are closed here, where
//! reports commonly diverge from the regulation's wording: work chapters before the
//! problems part are the measures part even when none says 主要举措 (a half-year report
//! numbered 一 … 十 then 十一、存在的问题及下一步打算), and a forward-looking chapter after the
//! problems part (九、加强法治政府建设的建议, 四、2023年…) is the plans part. Both rules are
//! `vocab::regulation`'s.

use crate::chrome::Page;
use crate::outline::Outline;
use crate::result::{DocumentKind, FindingCode, HeadingStyle, Period, RequiredPart, Role, Sections, Severity};
use crate::text::Text;
use crate::vocab::regulation;
use crate::vocab::messages::Message;

use super::ReviewFinding;

/// Which heading carries each required part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    /// Indexed like `Role::ALL`.
    pub heading: [Option<usize>; 4],
    /// Every heading that makes up the measures part (several when the report spreads its
    /// work over top-level chapters).
    pub measures: Vec<usize>,
    /// Whether the outline gave anything to judge by.
    pub has_outline: bool,
}

fn index(role: Role) -> usize {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(0)
}

impl Parts {
    pub fn get(&self, role: Role) -> Option<usize> {
        self.heading[index(role)]
    }

    pub fn sections(&self) -> Sections {
        Sections {
            measures: self.get(Role::Measures).is_some(),
            duty: self.get(Role::Duty).is_some(),
            problems: self.get(Role::Problems).is_some(),
            plans: self.get(Role::Plans).is_some(),
        }
    }

    pub fn required_parts(&self) -> Vec<RequiredPart> {
        Role::ALL.iter().map(|&part| RequiredPart { part, present: self.get(part).is_some(), heading: self.get(part) }).collect()
    }
}

pub fn find(text: &Text, page: &Page, outline: &Outline) -> Parts {
    let hs = &outline.headings;
    let numbered = |i: usize| hs[i].family.style() != HeadingStyle::Inline;
    let mut parts = Parts { has_outline: (0..hs.len()).any(numbered), ..Parts::default() };
    let title = |i: usize| text.get(hs[i].title);
    let names = |i: usize, role: Role| {
        hs[i].parts.contains(&role) || (role == Role::Duty && regulation::names_duty(title(i)))
    };
    // Inline 一是 items are sentences, not parts: only numbered headings make the structure.
    let Some(top) = (0..hs.len()).filter(|&i| numbered(i)).map(|i| hs[i].level).min() else { return parts };
    for role in Role::ALL {
        // The shallowest numbered heading naming the part, the first one among equals. An
        // inline 一是 is a sentence, not a part; the duty part counts wherever it stands,
        // the others only as chapters or their first subdivisions (a deep `3.` whose title
        // runs on into its text names nothing).
        parts.heading[index(role)] = (0..hs.len())
            .filter(|&i| numbered(i) && (role == Role::Duty || hs[i].level <= top + 1))
            .filter(|&i| names(i, role))
            // A heading naming the part first beats one naming it in passing
            // (二、…第一责任人职责工作情况 is the duty part, not the measures).
            .min_by_key(|&i| (hs[i].level, hs[i].parts.first() != Some(&role), i));
    }
    let top_level: Vec<usize> = (0..hs.len()).filter(|&i| numbered(i) && hs[i].level == top).collect();
    let has_role = |i: usize| Role::ALL.iter().any(|&r| names(i, r));

    match parts.get(Role::Measures) {
        Some(m) => {
            parts.measures = vec![m];
            // Further top-level chapters naming measures (一、主要工作 … 二、工作情况).
            parts.measures.extend(top_level.iter().copied().filter(|&i| i != m && hs[i].parts.first() == Some(&Role::Measures)));
        }
        None => {
            // Work chapters before the first chapter that names another part.
            let chapters: Vec<(usize, bool)> = top_level.iter().map(|&i| (i, has_role(i))).collect();
            parts.measures = regulation::unnamed_measures(&chapters, false);
            parts.heading[index(Role::Measures)] = parts.measures.first().copied();
        }
    }

    if parts.get(Role::Plans).is_none() {
        if let Some(p) = parts.get(Role::Problems) {
            parts.heading[index(Role::Plans)] = top_level
                .iter()
                .copied()
                .filter(|&i| i > p && !has_role(i))
                .find(|&i| regulation::plans_after_problems(title(i), page.meta.report_year));
        }
    }
    parts
}

/// One `section-missing` per required part not found: an error for an annual report,
/// information for any other period.
pub fn check(page: &Page, parts: &Parts) -> Vec<ReviewFinding> {
    if !parts.has_outline || page.meta.kind != DocumentKind::RuleOfLawReport {
        // Without any heading the parts cannot be told apart; a document that is not a
        // 法治政府建设 report owes none of them: no verdict.
        return Vec::new();
    }
    let period = page.meta.period;
    Role::ALL
        .iter()
        .filter(|&&role| parts.get(role).is_none())
        .map(|&part| match period {
            Some(Period::Year) => {
                ReviewFinding::new(FindingCode::SectionMissing, Severity::Error, Message::SectionMissingAnnual { part }, None)
            }
            other => ReviewFinding::new(
                FindingCode::SectionMissing,
                Severity::Info,
                Message::SectionMissingOther { part, period: other },
                None,
            ),
        })
        .collect()
}
